import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControlsDeep, evaluate, formatIssue, hasControls, isPolicyCalcError, loadRules, MAX_ISSUES, parseProfile } from '../src/engine/index.js';
import { csvRow } from '../src/batch/formats.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderTable } from '../src/render/table.js';
import { deletableKeys, profileTree, toJson, withoutKey, type Tree } from './profile-arbitraries.js';

/**
 * A fuzzer of the second hardening round (issue 12), in CI at a size that keeps the suite quick
 * (PROPERTY_SCALE multiplies the runs): a generated valid profile with one string value (or one
 * key) replaced by hostile text: control characters and escape sequences, Object.prototype member
 * names, spreadsheet formulas, Markdown structure, long runs. Whatever comes of it is either
 * evaluated, and then every renderer's text is safe, or refused in at most MAX_ISSUES + 1 one-line
 * messages without a control character. Never another error.
 */
const SCALE = Number(process.env.PROPERTY_SCALE ?? 1);
const RUNS = Math.round(500 * SCALE);
const rules = loadRules('rules');

const PROTO = Object.getOwnPropertyNames(Object.prototype);
const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTO),
  fc.constantFrom('\u001b[2J', '\u001b]52;c;ZXZpbA==\u0007', '\u009b31m', '\r', '\n', '\u2028', '\u202e', '\t', '\u0000'),
  fc.constantFrom('=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'),
  fc.constantFrom('\n- item', '\n## heading', '|', '<script>', '`', '*'),
  fc.record({ c: fc.constantFrom('1', '9', '.', 'e', '-', '渝', 'a'), n: fc.integer({ min: 100, max: 5000 }) }).map(({ c, n }) => c.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
/** Hostile text joined to a name-like prefix or suffix, or alone. */
const fragment = fc.tuple(fc.constantFrom('', '某某公司', '渝北区', '2017-01-01', '1234.56'), hostile, fc.boolean()).map(([base, h, before]) => (before ? h + base : base + h));

/** Where it goes: the name, or any key's value, or the key itself. */
const mutated = fc.record({ tree: profileTree, pick: fc.nat(), text: fragment, asKey: fc.boolean(), intoName: fc.boolean() }).map(({ tree, pick, text, asKey, intoName }) => {
  const keys = deletableKeys(tree);
  const t = withoutKey(tree, []);
  // Half the time the name, the one free text every renderer shows: so that half is evaluated.
  if (intoName || !keys.length) return { json: toJson({ ...t, name: text }), text };
  const key = keys[pick % keys.length]!;
  let node = t as Record<string | number, Tree>;
  for (const k of key.slice(0, -1)) node = node[k] as Record<string | number, Tree>;
  const last = key.at(-1)!;
  if (asKey && typeof last === 'string') {
    const value = node[last]!;
    delete node[last];
    node[text] = value;
  } else node[last] = text;
  return { json: toJson(t), text };
});

/** The cells of one RFC 4180 record, unquoted. */
function csvCells(record: string): string[] {
  const cells: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n$)/gy;
  for (let m = re.exec(record); m; m = re.exec(record)) {
    const f = m[1]!;
    cells.push(f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f);
    if (m[2] !== ',') break;
  }
  return cells;
}

describe('hostile values in generated profiles', () => {
  const seen = { evaluated: 0, refused: 0 };

  it(`are evaluated and rendered safely, or refused in bounded one-line messages (${RUNS} profiles)`, () => {
    fc.assert(
      fc.property(mutated, ({ json }) => {
        let profile;
        try {
          profile = parseProfile(json, 'hostile.json');
        } catch (e) {
          expect(isPolicyCalcError(e), String(e)).toBe(true);
          if (!isPolicyCalcError(e)) return;
          seen.refused++;
          expect(e.issues.length).toBeGreaterThan(0);
          expect(e.issues.length).toBeLessThanOrEqual(MAX_ISSUES + 1);
          for (const i of e.issues) {
            const line = formatIssue(i);
            expect(line).not.toMatch(/\n/);
            expect(hasControls(line)).toBe(false);
            expect(line.length, line.slice(0, 400)).toBeLessThan(2000);
          }
          return;
        }
        seen.evaluated++;
        const result = evaluate(rules, profile, { year: 2017, asOf: '2019-06-30' });
        const table = renderTable(escapeControlsDeep(result), { lang: 'zh', explain: true, color: false });
        expect(hasControls(table.replace(/\n/g, ''))).toBe(false);
        for (const cell of csvCells(csvRow({ file: 'in.ndjson', line: 1 }, result, ['P09', 'P12']))) {
          expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
        const md = renderMarkdown(result, { lang: 'en', yearGiven: true }).split('\n');
        const heading = md.findIndex((l) => l.startsWith('## '));
        expect(md[heading + 1]).toBe('');
      }),
      { numRuns: RUNS },
    );
    // Both outcomes happen, so neither half of the property is vacuous.
    expect(seen.evaluated).toBeGreaterThan(RUNS / 10);
    expect(seen.refused).toBeGreaterThan(RUNS / 10);
  });
});
