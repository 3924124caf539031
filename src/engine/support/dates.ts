/**
 * Calendar dates are kept as `YYYY-MM-DD` strings: they compare correctly as strings and carry
 * no time zone. Arithmetic is done on the year, month and day in UTC, never on local-time Dates:
 * in a zone that skipped a day (Pacific/Kiritimati skipped 1994-12-31, Pacific/Apia 2011-12-30)
 * or shifts at midnight, local arithmetic refuses real dates and moves windows by a day.
 */
export type CalendarDate = string;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Returns the date, or a message saying why the text is not a calendar date. */
export function parseCalendarDate(text: string): CalendarDate | string {
  const m = DATE_TEXT.exec(text);
  if (!m) return 'is not a date in the form YYYY-MM-DD';
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || y > MAX_YEAR) return `has year ${y}, outside ${MIN_YEAR}-${MAX_YEAR}`;
  if (mo < 1 || mo > 12) return `has month ${m[2]}, which does not exist`;
  if (d < 1 || d > daysInMonth(y, mo)) return `is not a real date: ${y}-${m[2]} has no day ${m[3]}`;
  return text;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the Gregorian calendar; arithmetic, as a Date made per call costs more than the rest of a date's check. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function parts(d: CalendarDate): [number, number, number] {
  return [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
}

function format(y: number, m: number, d: number): CalendarDate {
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(y, 4)}-${p(m, 2)}-${p(d, 2)}`;
}

/** 29 February plus one year is 28 February, as the tax bureaus count it (the day is clamped to the month). */
export function addCalendarYears(d: CalendarDate, years: number): CalendarDate {
  const [y, m, day] = parts(d);
  return format(y + years, m, Math.min(day, daysInMonth(y + years, m)));
}

export function addCalendarDays(d: CalendarDate, days: number): CalendarDate {
  const [y, m, day] = parts(d);
  const t = new Date(Date.UTC(y, m - 1, day + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** A half-open window: `from` included, `until` excluded. */
export interface DateWindow {
  from: CalendarDate;
  until: CalendarDate;
}

export function inWindow(d: CalendarDate, w: DateWindow): boolean {
  return d >= w.from && d < w.until;
}

/** Days in [from, until): 92 for 2022-10-01 to 2023-01-01. */
export function daysBetween(from: CalendarDate, until: CalendarDate): number {
  const utc = (d: CalendarDate) => {
    const [y, m, day] = parts(d);
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((utc(until) - utc(from)) / 86_400_000);
}

/** The documents are Chongqing's: "today" is the day in Chongqing, whatever the machine's zone. */
export const POLICY_TIME_ZONE = 'Asia/Shanghai';

/**
 * China Standard Time has been UTC+8 all year since daylight saving ended in September 1991: from
 * 1992 Chongqing's day is the UTC day eight hours on. Worked out here, because the time-zone
 * database Intl loads on first use is a sixth of what `check` costs to start.
 */
const CST_OFFSET_MS = 8 * 3_600_000;
const CST_FIXED_SINCE = Date.UTC(1992, 0, 1);

/** The calendar day at `now` in a time zone (default: Chongqing's). */
export function todayIn(now: Date = new Date(), timeZone: string = POLICY_TIME_ZONE): CalendarDate {
  if (timeZone === POLICY_TIME_ZONE && now.getTime() >= CST_FIXED_SINCE) {
    const d = new Date(now.getTime() + CST_OFFSET_MS);
    return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const get = (type: string) => Number(f.formatToParts(now).find((p) => p.type === type)!.value);
  return format(get('year'), get('month'), get('day'));
}
