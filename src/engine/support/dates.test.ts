import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCalendarYears, daysInMonth, inWindow, MAX_YEAR, MIN_YEAR, parseCalendarDate, todayIn } from './dates.js';

describe('calendar dates', () => {
  it('counts the days of every month of every year in range as the calendar does (1900 and 2100 are not leap years, 2000 is)', () => {
    const ours: number[] = [];
    const dates: number[] = [];
    for (let y = MIN_YEAR; y <= MAX_YEAR; y++) {
      for (let m = 1; m <= 12; m++) {
        ours.push(daysInMonth(y, m));
        dates.push(new Date(Date.UTC(y, m, 0)).getUTCDate());
      }
    }
    expect(ours).toEqual(dates);
    expect([daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2016, 2), daysInMonth(2100, 2)]).toEqual([28, 29, 29, 28]);
  });

  it('accepts real dates and refuses impossible ones with a reason', () => {
    expect(parseCalendarDate('2016-02-29')).toBe('2016-02-29');
    expect(parseCalendarDate('2017-02-29')).toMatch(/no day 29/);
    expect(parseCalendarDate('2017-02-30')).toMatch(/no day 30/);
    expect(parseCalendarDate('2017-13-01')).toMatch(/month 13/);
    expect(parseCalendarDate('2017/03/15')).toMatch(/YYYY-MM-DD/);
    expect(parseCalendarDate('2017-3-5')).toMatch(/YYYY-MM-DD/);
    expect(parseCalendarDate('1899-12-31')).toMatch(/outside/);
  });

  it('adds years on the calendar: 29 February becomes 28 February', () => {
    expect(addCalendarYears('2017-03-15', 2)).toBe('2019-03-15');
    expect(addCalendarYears('2016-02-29', 2)).toBe('2018-02-28');
    expect(addCalendarYears('2016-02-29', 4)).toBe('2020-02-29');
  });

  it('windows include their start and exclude their end', () => {
    const w = { from: '2017-03-15', until: '2019-03-15' };
    expect(inWindow('2017-03-14', w)).toBe(false);
    expect(inWindow('2017-03-15', w)).toBe(true);
    expect(inWindow('2019-03-14', w)).toBe(true);
    expect(inWindow('2019-03-15', w)).toBe(false);
  });

  it("knows Chongqing's day without the time-zone database, as the database does", () => {
    // 15:59:59 UTC is 23:59:59 in Chongqing; 16:00 UTC is already the next day there.
    expect(todayIn(new Date('2019-06-30T15:59:59Z'))).toBe('2019-06-30');
    expect(todayIn(new Date('2019-06-30T16:00:00Z'))).toBe('2019-07-01');
    expect(todayIn(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
    const cst = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    const viaIntl = (d: Date) => cst.format(d);
    fc.assert(
      fc.property(fc.date({ min: new Date('1992-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(todayIn(d)).toBe(viaIntl(d));
      }),
      { numRuns: 300 },
    );
  });
});
