import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountColumns, csvRow, ndjsonFullLine, ndjsonLine } from '../src/batch/formats.js';
import { ByteSink } from '../src/batch/byte-sink.js';
import { writeNdjsonLine } from '../src/batch/ndjson-bytes.js';
import { evaluate, evaluateLean, evaluateLeanMany, loadRules, parseProfile, type EvaluationResult } from '../src/engine/index.js';
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
  return {
    input,
    enterprise: { name: r.enterprise.name, creditCode: r.enterprise.creditCode },
    evaluation: r.evaluation,
    benefits: r.benefits.map((b) => ({ id: b.id, status: b.status, amount: b.amount, amountBound: b.amountBound, countedInTotal: b.countedInTotal, missing: b.missing })),
    totals: { amount: r.totals.amount, amountBound: r.totals.amountBound, eligible: r.totals.eligible, needsInfo: r.totals.needsInfo, ineligible: r.totals.ineligible },
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
        expect(JSON.parse(full)).toEqual(JSON.parse(JSON.stringify({ input, ...r, benefits: r.benefits.map(({ trace: _t, ...b }) => b) })));
      }),
      { numRuns: 200 },
    );
  });

  it('is byte for byte the same from the lean evaluations (trace off, evaluateLean) as from the full one', () => {
    const columns = amountColumns(rules);
    const seen = { eligible: 0, atLeast: 0, needsInfo: 0 };
    fc.assert(
      fc.property(profileTree, AS_OF, fc.option(fc.integer({ min: 2015, max: 2024 }), { nil: undefined }), (tree, asOf, year) => {
        const profile = parseProfile(toJson(tree));
        const full = evaluate(rules, profile, { asOf, year });
        const lean = evaluate(rules, profile, { asOf, year, trace: false });
        const input = { file: 'register.ndjson', line: 1 };
        expect(ndjsonLine(input, lean)).toBe(ndjsonLine(input, full));
        expect(csvRow(input, lean, columns)).toBe(csvRow(input, full, columns));
        // The batch's own evaluation, which keeps nothing but the decisions: the same line, the same row.
        const leanest = evaluateLean(rules, profile, { asOf, year });
        expect(ndjsonLine(input, leanest)).toBe(ndjsonLine(input, full));
        expect(csvRow(input, leanest, columns)).toBe(csvRow(input, full, columns));
        // Everything but the explanation is the same: figures, assumptions, parameters, notes.
        expect(lean.benefits.every((b) => b.trace === undefined && b.reasons.length === 0)).toBe(true);
        const unexplained = (r: EvaluationResult) => ({ ...r, benefits: r.benefits.map(({ trace: _t, reasons: _r, ...b }) => b) });
        expect(JSON.stringify(unexplained(lean))).toBe(JSON.stringify(unexplained(full)));
        for (const b of full.benefits) {
          if (b.amount !== null) seen.eligible++;
          if (b.amountBound === 'at-least') seen.atLeast++;
          if (b.status === 'needs-info') seen.needsInfo++;
        }
      }),
      { numRuns: 300 },
    );
    // Not vacuous: amounts, at-least amounts and needs-info policies were all compared.
    expect(seen.eligible).toBeGreaterThan(100);
    expect(seen.atLeast).toBeGreaterThan(0);
    expect(seen.needsInfo).toBeGreaterThan(100);
  });

  it('is the same for each profile whether the batch evaluates it alone or policy by policy with others', () => {
    // Profiles of every kind side by side (a policy read by another, windows, items, sparse ones),
    // with evaluation years each has or lacks: no profile's result may depend on its neighbours'.
    let compared = 0;
    fc.assert(
      fc.property(fc.array(profileTree, { minLength: 2, maxLength: 12 }), AS_OF, fc.option(fc.integer({ min: 2015, max: 2024 }), { nil: undefined }), (trees, asOf, year) => {
        const profiles = trees.map((t) => parseProfile(toJson(t)));
        const many = evaluateLeanMany(rules, profiles, { asOf, year });
        expect(many).toHaveLength(profiles.length);
        profiles.forEach((p, i) => {
          expect(JSON.stringify(many[i])).toBe(JSON.stringify(evaluateLean(rules, p, { asOf, year })));
          compared++;
        });
      }),
      { numRuns: 60 },
    );
    expect(compared).toBeGreaterThan(200);
  });

  it('is written into the batch bytes exactly as ndjsonLine encodes it, whatever the name, file and line', () => {
    // Names and files that leave the ASCII fast path: quotes, backslashes, controls, Chinese, emoji, lone surrogates.
    const awkward = fc.constantFrom('', 'a"b', 'a\\b', 'tab\there', '重庆"云"科技', '😀 ltd', '\ud800 broken', '\u007f\u0080', 'x'.repeat(300));
    const utf8 = new TextEncoder();
    // Text already in the buffer: none, or enough to bring its first 1 MiB to an end inside the line.
    const before = fc.oneof(fc.constant(0), fc.integer({ min: (1 << 20) - 4000, max: 1 << 20 }));
    let grown = 0;
    fc.assert(
      fc.property(profileTree, AS_OF, fc.oneof(FILES, awkward), fc.option(awkward, { nil: undefined }), fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }), before, (tree, asOf, file, name, line, fill) => {
        const r = evaluateLean(rules, parseProfile(toJson(name === undefined || name === '' ? tree : { ...tree, name })), { asOf });
        const input = line ? { file, line } : { file };
        const sink = new ByteSink();
        const filler = 'x'.repeat(fill);
        sink.ascii(filler);
        // Two lines into one buffer: the second starts where the first ended.
        writeNdjsonLine(sink, input, r);
        writeNdjsonLine(sink, input, r);
        const bytes = sink.take();
        if (bytes.buffer.byteLength > 1 << 20) grown++;
        const one = utf8.encode(ndjsonLine(input, r));
        expect(Buffer.from(bytes).equals(Buffer.concat([utf8.encode(filler), one, one]))).toBe(true);
      }),
      { numRuns: 300 },
    );
    // Not vacuous: the buffer had to grow in the middle of a line in many runs.
    expect(grown).toBeGreaterThan(50);
  });
});

