import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, escapeControlsDeep, evaluate, formatIssue, hasControls, isPolicyCalcError, lintRules, loadRules, parseProfile, PolicyCalcError } from '../src/engine/index.js';
import { byCodePoint } from '../src/engine/index.js';
import { csvField, csvRow } from '../src/batch/formats.js';
import { neutraliseFormula } from '../src/batch/csv-cell.js';
import { workerCount } from '../src/batch/options.js';
import { writeFileAtomic } from '../src/cli/io.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderTable } from '../src/render/table.js';
import { copyRules } from './rule-copies.js';

/**
 * Second hardening round, in-process: what is written (issue 12 items 6, 10, 11, 12, 14): files
 * whole or not at all, CSV cells a spreadsheet cannot run, terminal text without control
 * characters, Markdown headings that stay headings, a bounded worker count, a lint order that
 * does not follow the locale.
 */
const rules = loadRules('rules');
const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f, ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i), 0x2028, 0x2029, 0x202e, 0x2066].map((c) => String.fromCharCode(c));
// What a hostile name does on a terminal: clear the screen, set the title, write the clipboard (OSC 52), forge a line.
const HOSTILE = ['\u001b[2J\u001b[H', '\u001b]0;pwned\u0007', '\u001b]52;c;Y3VybCBldmlsfHNo\u0007', '\nP09  Fake policy  ✔ eligible  9,999,999.00', '\r', '\u009b31m', '\u202eevil'];

function profileNamed(name: string) {
  return parseProfile(JSON.stringify({ name, registrationDate: '2016-05-01', district: '渝北区', industry: 'cloud-bigdata' }), 'p.json');
}

describe('control characters never reach the terminal (item 11)', () => {
  it('every C0, DEL, C1, line separator and bidi override is shown as a visible escape', () => {
    for (const c of CONTROLS) {
      const shown = escapeControls(`a${c}b`);
      expect(hasControls(shown), JSON.stringify(c)).toBe(false);
      expect(shown).toMatch(/^a\\(x[0-9a-f]{2}|u[0-9a-f]{4}|n|r|t)b$/);
    }
    expect(escapeControls('\u001b[2J')).toBe('\\x1b[2J');
    expect(escapeControls('重庆\t渝北\n')).toBe('重庆\\t渝北\\n');
  });

  it('text without control characters is unchanged; any text comes out without them (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = escapeControls(s);
        expect(hasControls(out)).toBe(false);
        if (!hasControls(s)) expect(out).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(HOSTILE)('a name holding %j: the table and the explanation have the lines a plain name gives, no control character', (bad) => {
    const plain = renderTable(evaluate(rules, profileNamed('某某科技有限公司'), { year: 2017, asOf: '2018-06-30' }), { lang: 'en', explain: true, color: false });
    const result = evaluate(rules, profileNamed(`某某${bad}科技有限公司`), { year: 2017, asOf: '2018-06-30' });
    const text = renderTable(escapeControlsDeep(result), { lang: 'en', explain: true, color: false });
    expect(hasControls(text.replace(/\n/g, ''))).toBe(false);
    expect(text.split('\n').length).toBe(plain.split('\n').length);
  });

  it('an error message is one line whatever the file name, path and value hold', () => {
    for (const bad of HOSTILE) {
      let error: unknown;
      try {
        parseProfile(JSON.stringify({ name: 'a', registrationDate: '2016-05-01', district: `渝北${bad}` }), `dir${bad}/p.json`);
      } catch (e) {
        error = e;
      }
      expect(isPolicyCalcError(error)).toBe(true);
      for (const issue of (error as PolicyCalcError).issues) {
        const line = formatIssue(issue);
        expect(line).not.toMatch(/\n/);
        expect(hasControls(line)).toBe(false);
      }
    }
  });

  it('lint findings, from a rule file whose title holds an escape sequence, print as one line each', () => {
    const dir = copyRules();
    const file = join(dir, 'policies/p09-western-development-rate.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  text: "战略性', '  text: "\\e]0;pwned\\a\\n战略性'));
    const report = lintRules(dir);
    const citation = report.problems.find((p) => p.rule === 'citation-not-in-source');
    expect(citation?.message).toMatch(/\u001b/); // the finding quotes the text as it is …
    // … and the text report escapes it (src/commands/rules-lint.ts formats with formatProblem).
    return import('../src/commands/rules-lint.js').then(({ formatProblem }) => {
      const line = formatProblem(citation!);
      expect(line).not.toMatch(/\n/);
      expect(hasControls(line)).toBe(false);
    });
  });
});

describe('CSV cells a spreadsheet would run are neutralised (item 10)', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('a cell starting with %j gets a leading apostrophe', (c) => {
    expect(neutraliseFormula(`${c}HYPERLINK("http://x","y")`)).toBe(`'${c}HYPERLINK("http://x","y")`);
  });

  it('after CSV unquoting, no text cell starts with a formula character (property)', () => {
    const unquote = (f: string) => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = unquote(csvField(s));
        expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        // Nothing is lost: the apostrophe is the only change.
        expect(cell === s || cell === `'${s}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a batch row with a formula in the name: the name is neutralised, the amounts are numbers as before', () => {
    const r = evaluate(rules, profileNamed('=HYPERLINK("http://evil","点击")'), { year: 2017, asOf: '2018-06-30' });
    const row = csvRow({ file: 'in.ndjson', line: 1 }, r, ['P09']);
    expect(row).toContain(`,"'=HYPERLINK(""http://evil"",""点击"")",`);
    // The totals and P09's columns (status, amount, counted, bound) as the CSV writes them, unquoted.
    expect(row).toMatch(/,2017,2018-06-30,\d+,\d+,\d+,0\.00,exact,needs-info,,,,\r\n$/);
  });
});

describe('Markdown headings stay headings (item 12)', () => {
  it('a name with line breaks and list markers is one heading line (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('公司', '\n', '\r\n', '- item', '* x', '# h', '  ', '1. '), { minLength: 1, maxLength: 8 }), (parts) => {
        const name = `A${parts.join('')}`;
        const md = renderMarkdown(evaluate(rules, profileNamed(name), { year: 2017, asOf: '2018-06-30' }), { lang: 'en', yearGiven: true });
        const lines = md.split('\n');
        const at = lines.findIndex((l) => l.startsWith('## '));
        expect(lines[at + 1]).toBe('');
        expect(lines[at]).not.toMatch(/\n/);
        // The heading holds the whole name: every visible part of it is on that line.
        for (const p of name.split(/\r?\n/).map((x) => x.trim()).filter(Boolean)) expect(lines[at]!.replace(/\\/g, '')).toContain(p);
      }),
      { numRuns: 200 },
    );
  });
});

describe('files are written whole or not at all (item 6)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-calc-write-'));

  it.each(['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG'])('a write failing midway (%s) keeps the old file and leaves no temporary file', (code) => {
    const file = join(dir, `report-${code}.html`);
    writeFileSync(file, 'the old report');
    let writes = 0;
    const failing = ((fd: number, buf: Buffer, off: number, len: number) => {
      if (writes++ > 0) throw Object.assign(new Error(code), { code });
      return writeSync(fd, buf, off, Math.min(len, 10));
    }) as never;
    let error: unknown;
    try {
      writeFileAtomic(file, 'x'.repeat(100), 'the report', failing);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyCalcError);
    const line = formatIssue((error as PolicyCalcError).issues[0]!);
    expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot write the report: `));
    expect(line).not.toMatch(/\n/);
    expect(readFileSync(file, 'utf8')).toBe('the old report');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a device or a pipe is never replaced', () => {
    const fifo = join(dir, 'pipe.html');
    execFileSync('mkfifo', [fifo]);
    expect(() => writeFileAtomic(fifo, 'x', 'the report')).toThrow(/is not a regular file/);
    expect(() => writeFileAtomic('/dev/null', 'x', 'the report')).toThrow(/is not a regular file/);
    expect(existsSync('/dev/null')).toBe(true);
  });

  it('a successful write replaces the file', () => {
    const file = join(dir, 'ok.md');
    writeFileAtomic(file, '# new\n');
    expect(readFileSync(file, 'utf8')).toBe('# new\n');
  });
});

describe('environment (item 14)', () => {
  it('--jobs is capped at twice the cores (at least 4), with a warning; the default is the core count', () => {
    const warnings: string[] = [];
    expect(workerCount(64, 2, (m) => warnings.push(m))).toBe(4);
    expect(warnings).toEqual(["--jobs 64 is more than this machine's 2 cores can use; using 4 threads"]);
    expect(workerCount(3, 2, (m) => warnings.push(m))).toBe(3);
    expect(workerCount(undefined, 2)).toBe(2);
    expect(workerCount(16, 8)).toBe(16);
    expect(workerCount(17, 8)).toBe(16);
    expect(warnings).toHaveLength(1);
  });

  it('lint orders by code point, not by locale: Z < a < Ä < 中', () => {
    const names = ['中.yaml', 'Ä.yaml', 'a.yaml', 'Z.yaml', 'b.yaml', '😀.yaml', 'ｚ.yaml'];
    expect([...names].sort(byCodePoint)).toEqual(['Z.yaml', 'a.yaml', 'b.yaml', 'Ä.yaml', '中.yaml', 'ｚ.yaml', '😀.yaml']);
    // A locale would put "a" before "Z" and "Ä" beside "a": this is the order that varied.
    expect([...names].sort((x, y) => x.localeCompare(y, 'en'))).not.toEqual([...names].sort(byCodePoint));
  });
});
