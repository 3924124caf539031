import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ndjsonFullLine, ndjsonLine } from '../src/batch/formats.js';
import { evaluate, loadRules, parseProfile, type EvaluationResult } from '../src/engine/index.js';
import { anyDate, profileTree, toJson } from './profile-arbitraries.js';

/**
 * The lean NDJSON line is written by hand, field by field, for speed. Over generated profiles
 * (names with quotes, backslashes, line breaks and Chinese; with and without credit codes and
 * fiscal years) it must be one line of valid JSON that says exactly what the result says, in the
 * documented key order, and `--full` the result itself.
 */
const rules = loadRules('rules');
const AS_OF = anyDate.map((d) => d.replace(/^\d{4}/, (y) => String(Number(y) + 1)));
const FILES = fc.constantFrom('register.ndjson', '<stdin>', 'clients/渝中 "A".json', 'C:\\data\\a.json');

/** The lean line's content, taken from the full result: the documented subset, in order. */
function expected(input: object, r: EvaluationResult) {
  const bound = (o: object) => ('amountBound' in o ? { amountBound: (o as { amountBound: unknown }).amountBound } : {});
  return {
    input,
    enterprise: { name: r.enterprise.name, creditCode: r.enterprise.creditCode },
    evaluation: r.evaluation,
    benefits: r.benefits.map((b) => ({ id: b.id, status: b.status, amount: b.amount, ...bound(b), countedInTotal: b.countedInTotal, missing: b.missing })),
    totals: { amount: r.totals.amount, ...bound(r.totals), eligible: r.totals.eligible, needsInfo: r.totals.needsInfo, ineligible: r.totals.ineligible },
  };
}

describe('the lean NDJSON line', () => {
  it('is one line of JSON holding exactly the documented fields of the result, in order', () => {
    fc.assert(
      fc.property(profileTree, AS_OF, FILES, fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }), (tree, asOf, file, line) => {
        const r = evaluate(rules, parseProfile(toJson(tree)), { asOf });
        const input = line ? { file, line } : { file };
        const text = ndjsonLine(input, r);
        expect(text.endsWith('\n')).toBe(true);
        expect(text.indexOf('\n')).toBe(text.length - 1);
        // Same values and the same key order: compared as text after a round trip.
        expect(JSON.stringify(JSON.parse(text))).toBe(JSON.stringify(expected(input, r)));
        const full = ndjsonFullLine(input, r, false);
        expect(JSON.parse(full)).toEqual(JSON.parse(JSON.stringify({ input, ...r })));
      }),
      { numRuns: 200 },
    );
  });
});
