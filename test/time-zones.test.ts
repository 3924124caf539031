import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, run } from './cli-helpers.js';

/**
 * Calendar arithmetic must not depend on the machine's time zone. A process reads TZ once, before
 * its first Date, so each zone gets its own small Node process running the built engine over
 * every day from 1900-01-01 to 2200-12-31 (the range profiles may use), checked against an
 * independent day count (days from the civil date, H. Hinnant's algorithm). The zones are the
 * ones that broke local-time arithmetic: Kiritimati skipped 1994-12-31, Apia skipped 2011-12-30,
 * Los Angeles has daylight saving time; UTC is the control.
 */
const ZONES = ['UTC', 'Pacific/Kiritimati', 'Pacific/Apia', 'America/Los_Angeles'];

const CHILD = `
const { parseCalendarDate, addCalendarDays, addCalendarYears, daysInMonth, todayIn } = await import(${JSON.stringify(join(ROOT, 'dist/engine/support/dates.js'))});
// Days since 1970-01-01 of a civil date, and back: integer arithmetic only, no Date.
const daysFromCivil = (y, m, d) => { y -= m <= 2 ? 1 : 0; const era = Math.floor(y / 400); const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1; const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; return era * 146097 + doe - 719468; };
const civilFromDays = (z) => { z += 719468; const era = Math.floor(z / 146097); const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1; const m = mp + (mp < 10 ? 3 : -9); return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]; };
const text = ([y, m, d]) => String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0');
const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const dim = (y, m) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
let days = 0; const wrong = [];
for (let z = daysFromCivil(1900, 1, 1); z <= daysFromCivil(2200, 12, 31); z++) {
  const [y, m, d] = civilFromDays(z); const t = text([y, m, d]); days++;
  if (parseCalendarDate(t) !== t) wrong.push(t + ' refused');
  if (z < daysFromCivil(2200, 12, 31) && addCalendarDays(t, 1) !== text(civilFromDays(z + 1))) wrong.push(t + ' +1 day');
  if (addCalendarDays(t, -1) !== text(civilFromDays(z - 1))) wrong.push(t + ' -1 day');
  if (y <= 2198 && addCalendarYears(t, 2) !== text([y + 2, m, Math.min(d, dim(y + 2, m))])) wrong.push(t + ' +2 years');
  if (d === 1 && daysInMonth(y, m) !== dim(y, m)) wrong.push(t + ' days in month');
  if (wrong.length > 5) break;
}
// 2026-12-01 16:30 UTC is already 2 December in Chongqing (UTC+8), still 1 December in UTC.
const today = [todayIn(new Date(Date.UTC(2026, 11, 1, 16, 30))), todayIn(new Date(Date.UTC(2026, 11, 1, 15, 59)))];
console.log(JSON.stringify({ days, wrong, today }));
`;

describe('calendar arithmetic in any time zone', () => {
  it.each(ZONES)('every day 1900-2200 parses, adds days and years exactly under TZ=%s', (tz) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD], { env: { PATH: process.env.PATH ?? '', TZ: tz }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { days: number; wrong: string[]; today: string[] };
    // 1900-01-01 .. 2200-12-31: 301 years, 73 of them leap (1904..2196 less 2100): 301 * 365 + 73
    expect(out.days).toBe(301 * 365 + 73);
    expect(out.wrong).toEqual([]);
    expect(out.today).toEqual(['2026-12-02', '2026-12-01']);
  });

  it('a whole evaluation is byte-identical in every zone', () => {
    const args = ['check', 'fixtures/cloud-sme.json', '--as-of', '2019-03-14', '--format', 'json'];
    const outputs = ZONES.map((tz) => cli(args, { env: { TZ: tz } }));
    for (const r of outputs) expect(r.code, r.stderr).toBe(0);
    for (const r of outputs.slice(1)) expect(r.stdout).toBe(outputs[0]!.stdout);
  });

  it('the default as-of date is the day in Chongqing, and --help says so', async () => {
    // Read as one line: commander wraps the help at the terminal's width.
    const help = (await run(['check', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/today in Chongqing \(Asia\/Shanghai\)/);
  });
});
