import fc from 'fast-check';
import { evaluate, loadRules, parseProfile, type EvaluationResult, type RuleSet } from '../src/engine/index.js';
import { anyDate, FIRST_YEAR, LAST_YEAR, toJson, type Tree } from './profile-arbitraries.js';

/**
 * What the property tests share (properties.test.ts, properties-results.test.ts): the shipped
 * rules loaded once, the generated dates and years, and the runs per property: together they
 * generate 10,000 profiles per run of the suite (PROPERTY_SCALE multiplies them).
 */
const SCALE = Number(process.env.PROPERTY_SCALE ?? 1);
export const RUNS = {
  evaluates: Math.round(4500 * SCALE),
  identical: Math.round(1000 * SCALE),
  threeValued: Math.round(2500 * SCALE),
  unusedFact: Math.round(2000 * SCALE),
  // Not counted in the 10,000: these are mostly not profiles.
  brokenText: Math.round(3000 * SCALE),
};

export const rules: RuleSet = loadRules('rules');
export const AS_OF = anyDate.map((d) => d.replace(/^\d{4}/, (y) => String(Number(y) + 1)));
export const YEAR = fc.integer({ min: FIRST_YEAR, max: LAST_YEAR });

export function run(tree: { [k: string]: Tree }, opts: { year?: number; asOf: string; trace?: boolean }, order?: (k: string[]) => string[]): EvaluationResult {
  return evaluate(rules, parseProfile(toJson(tree, order), 'generated.json'), opts);
}

/**
 * A statement about generated data is only worth something if the data reach it: each test file
 * counts them (`count`) and prints what it saw when it ends (`report`, for its afterAll).
 */
export function coverage() {
  const seen = new Map<string, number>();
  return {
    seen,
    count: (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1),
    report: () => console.log('property coverage:', Object.fromEntries([...seen].sort())),
  };
}
