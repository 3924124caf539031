import { addYears } from 'date-fns/addYears';
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';

/**
 * Calendar dates are kept as `YYYY-MM-DD` strings: they compare correctly as strings and carry
 * no time zone. date-fns does the calendar arithmetic on local-time Dates built from the parts.
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

export function daysInMonth(year: number, month: number): number {
  return new Date(year, month, 0).getDate();
}

function toDate(d: CalendarDate): Date {
  return new Date(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
}

function fromDate(d: Date): CalendarDate {
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}-${p(d.getMonth() + 1, 2)}-${p(d.getDate(), 2)}`;
}

/** 29 February plus one year is 28 February, as date-fns and the tax bureaus count it. */
export function addCalendarYears(d: CalendarDate, years: number): CalendarDate {
  return fromDate(addYears(toDate(d), years));
}

export function addCalendarDays(d: CalendarDate, days: number): CalendarDate {
  return fromDate(addDays(toDate(d), days));
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
  return differenceInCalendarDays(toDate(until), toDate(from));
}

export function yearWindow(year: number): DateWindow {
  return { from: `${year}-01-01`, until: `${year + 1}-01-01` };
}

export function todayLocal(now: Date = new Date()): CalendarDate {
  return fromDate(now);
}
