import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PolicyCalcError, quoteInput, type Issue } from '../support/errors.js';
import { parseCalendarDate } from '../support/dates.js';
import { readYamlFile } from '../rules/yaml-file.js';
import { evaluate } from '../evaluate/evaluate.js';
import { validateProfile, zodIssues } from '../profile/profile.js';
import type { EvaluationResult } from '../evaluate/result.js';
import type { RuleSet } from '../rules/rule-set.js';
import { own } from '../support/own.js';
import { builtOnce } from '../support/built-once.js';

/**
 * YAML test cases for rules, in the manner of OpenFisca's YAML tests: a (partial) profile, the
 * year and as-of date, and what each policy must come to. Expected amounts are worked out by hand
 * from the article; the runner compares them with the engine's result.
 *
 *   cases:
 *     - name: eligible, 90% main business
 *       year: 2017
 *       asOf: "2018-06-30"
 *       profile: { industry: cloud-bigdata, ... }   # name, registrationDate and district get defaults
 *       expect:
 *         P09: { status: eligible, amount: "100000.00", figures: { rateReduction: "0.10" } }
 *         totals: { amount: "100000.00" }
 */
function buildCaseSchemas() {
  const policyExpectation = z.strictObject({
    status: z.enum(['eligible', 'ineligible', 'needs-info']).optional(),
    amount: z.union([z.string().regex(/^\d+\.\d{2}$/, 'amounts are written with two decimals, e.g. "1200.00"'), z.null()]).optional(),
    figures: z.record(z.string(), z.string()).optional(),
    /** The facts listed as missing, in any order; exact set. */
    missing: z.array(z.string()).optional(),
    countedInTotal: z.boolean().optional(),
    /** Facts that must appear among the assumptions. */
    assumptions: z.array(z.string()).optional(),
    /** Words each of which must appear in some note (Chinese or English). */
    notes: z.array(z.string().min(1)).optional(),
    /** Words that must appear in no note: a note that must not be given. */
    notNotes: z.array(z.string().min(1)).optional(),
    /** The departments to apply to on the as-of date, in order. */
    applyTo: z.array(z.string()).optional(),
    /** Whether the amount is exact or a lower bound. */
    amountBound: z.enum(['exact', 'at-least']).optional(),
    /** The decisive checks (the ids of the contract's `reasons`), in any order; exact set. */
    checks: z.array(z.string()).optional(),
  });
  const totalsExpectation = z.strictObject({
    amount: z.string().optional(),
    amountBound: z.enum(['exact', 'at-least']).optional(),
    eligible: z.number().int().optional(),
    needsInfo: z.number().int().optional(),
    ineligible: z.number().int().optional(),
  });
  const caseSchema = z.strictObject({
    name: z.string().min(1),
    year: z.number().int().optional(),
    asOf: z.string().superRefine((s, ctx) => {
      const bad = parseCalendarDate(s);
      if (bad !== s) ctx.addIssue({ code: 'custom', message: `asOf ${quoteInput(s)} ${bad}` });
    }),
    profile: z.record(z.string(), z.unknown()),
    expect: z.record(z.string().regex(/^(P\d{2}|totals|enterprise|warnings)$/, 'expect keys are policy ids (P09), totals, enterprise or warnings'), z.unknown()),
  });
  const expectKeys = [...Object.keys(policyExpectation.shape), ...Object.keys(totalsExpectation.shape)];
  const fileSchema = z.strictObject({ description: z.string().optional(), cases: z.array(caseSchema).min(1) });
  /** The warnings' paths, compared as a set: `warnings: []` says the input raises none. */
  const warningsExpectation = z.array(z.string());
  return { policyExpectation, totalsExpectation, fileSchema, expectKeys, warningsExpectation };
}

/** Built when rule tests are read: the engine's other users never need them. */
const caseSchemas = builtOnce(buildCaseSchemas);

export interface RuleTestCase {
  file: string;
  line?: number;
  name: string;
  year?: number;
  asOf: string;
  profile: Record<string, unknown>;
  expect: Record<string, unknown>;
}

export interface RuleTestFailure {
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface RuleTestResult {
  testCase: RuleTestCase;
  failures: RuleTestFailure[];
  /** Set when the case could not run at all (its profile is invalid, say). */
  error?: string;
  result?: EvaluationResult;
}

const PROFILE_DEFAULTS = { name: 'test case', registrationDate: '2016-01-01' };

/**
 * The document is Chongqing's: a case that names neither a district nor a credit code is placed in
 * 渝中区, so that a case about something else need not say so. `district: null` leaves the place
 * unstated (the key is removed before the profile is read).
 */
export function caseProfile(profile: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...PROFILE_DEFAULTS, ...profile };
  if (Object.hasOwn(profile, 'district') && profile.district === null) delete out.district;
  else if (!Object.hasOwn(profile, 'district') && !Object.hasOwn(profile, 'creditCode')) out.district = '渝中区';
  return out;
}

/** Reads every *.yaml under `dir` (one level), reporting malformed files with file and line. */
export function readRuleTests(dir: string): RuleTestCase[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
  } catch {
    throw new PolicyCalcError('RULES_UNREADABLE', [{ file: dir, message: 'no test directory here' }]);
  }
  const issues: Issue[] = [];
  const cases: RuleTestCase[] = [];
  for (const file of files) {
    // The loader's reader: a regular file of bounded size, UTF-8, no unknown tags or duplicate keys.
    const read = readYamlFile(file, issues, 'test file');
    if (!read) continue;
    const { doc, lineCounter: lc } = read;
    const lineAt = (path: (string | number)[]) => {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as { range?: number[] } | undefined;
        if (node?.range) return lc.linePos(node.range[0]!).line;
      }
      return undefined;
    };
    const r = caseSchemas().fileSchema.safeParse(read.value);
    if (!r.success) {
      for (const iss of r.error.issues) {
        issues.push({ ...zodIssues([iss], file)[0]!, line: lineAt(iss.path as (string | number)[]) });
      }
      continue;
    }
    // Expectations are checked here, so that a typo in one is a malformed file, not a failed case.
    let ok = true;
    r.data.cases.forEach((c, i) => {
      for (const [key, raw] of Object.entries(c.expect)) {
        const schema = key === 'totals' ? caseSchemas().totalsExpectation : key === 'enterprise' ? z.record(z.string(), z.unknown()) : key === 'warnings' ? caseSchemas().warningsExpectation : caseSchemas().policyExpectation;
        const e = schema.safeParse(raw);
        if (e.success) continue;
        ok = false;
        for (const iss of e.error.issues) {
          const path = ['cases', i, 'expect', key, ...(iss.path as (string | number)[])];
          issues.push({ ...zodIssues([{ ...iss, path }], file, caseSchemas().expectKeys)[0]!, line: lineAt(path) });
        }
      }
    });
    if (ok) r.data.cases.forEach((c, i) => cases.push({ ...c, file, line: lineAt(['cases', i]) }));
  }
  if (issues.length) throw new PolicyCalcError('RULES_INVALID', issues);
  return cases;
}

export function runRuleTest(rules: RuleSet, c: RuleTestCase): RuleTestResult {
  let result: EvaluationResult;
  try {
    const profile = validateProfile(caseProfile(c.profile), c.file);
    result = evaluate(rules, profile, { year: c.year, asOf: c.asOf });
  } catch (e) {
    const msg = e instanceof PolicyCalcError ? e.issues.map((i) => `${i.path ?? ''}: ${i.message}`).join('; ') : String(e);
    return { testCase: c, failures: [], error: `the case cannot run: ${msg}` };
  }
  const failures: RuleTestFailure[] = [];
  const check = (path: string, expected: unknown, actual: unknown) => {
    if (JSON.stringify(expected) !== JSON.stringify(actual)) failures.push({ path, expected, actual });
  };
  for (const [key, raw] of Object.entries(c.expect)) {
    if (key === 'totals') {
      const exp = caseSchemas().totalsExpectation.parse(raw);
      for (const [k, v] of Object.entries(exp)) check(`totals.${k}`, v, result.totals[k as keyof typeof result.totals]);
      continue;
    }
    if (key === 'warnings') {
      const paths = [...new Set(result.warnings.map((w) => w.path))].sort();
      check('warnings', [...caseSchemas().warningsExpectation.parse(raw)].sort(), paths);
      continue;
    }
    if (key === 'enterprise') {
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) check(`enterprise.${k}`, v, own(result.enterprise as Record<string, unknown>, k));
      continue;
    }
    const benefit = result.benefits.find((b) => b.id === key);
    if (!benefit) {
      failures.push({ path: key, expected: 'a policy with this id', actual: 'not in the rule set' });
      continue;
    }
    const exp = caseSchemas().policyExpectation.parse(raw);
    if (exp.status !== undefined) check(`${key}.status`, exp.status, benefit.status);
    if (exp.amount !== undefined) check(`${key}.amount`, exp.amount, benefit.amount);
    if (exp.countedInTotal !== undefined) check(`${key}.countedInTotal`, exp.countedInTotal, benefit.countedInTotal);
    if (exp.amountBound !== undefined) check(`${key}.amountBound`, exp.amountBound, benefit.amountBound);
    if (exp.checks !== undefined) check(`${key}.checks`, [...exp.checks].sort(), [...new Set(benefit.reasons.map((r) => r.check))].sort());
    for (const [name, v] of Object.entries(exp.figures ?? {})) check(`${key}.figures.${name}`, v, own(benefit.figures, name) ?? null);
    if (exp.missing !== undefined) check(`${key}.missing`, [...exp.missing].sort(), [...benefit.missing].sort());
    const noteText = benefit.notes.map((n) => `${n.zh}\n${n.en}`).join('\n');
    for (const words of exp.notes ?? []) {
      if (!noteText.includes(words)) failures.push({ path: `${key}.notes`, expected: `a note saying "${words}"`, actual: benefit.notes.map((n) => n.en) });
    }
    for (const words of exp.notNotes ?? []) {
      if (noteText.includes(words)) failures.push({ path: `${key}.notes`, expected: `no note saying "${words}"`, actual: benefit.notes.map((n) => n.en) });
    }
    if (exp.applyTo !== undefined) check(`${key}.applyTo`, exp.applyTo, benefit.applyTo?.departments ?? null);
    for (const fact of exp.assumptions ?? []) {
      if (!benefit.assumptions.some((a) => a.fact === fact)) {
        failures.push({ path: `${key}.assumptions`, expected: `an assumption about ${fact}`, actual: benefit.assumptions.map((a) => a.fact) });
      }
    }
  }
  return { testCase: c, failures, result };
}
