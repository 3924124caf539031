import type { CalendarDate } from '../support/dates.js';
import { evaluate } from '../evaluate/evaluate.js';
import { readProfileJson, validateProfile } from '../profile/profile.js';
import type { EvaluationResult } from '../evaluate/result.js';
import type { RuleSet } from '../rules/rule-set.js';

/**
 * Which policies read each field of the profile, found by evaluating rather than by reading the
 * rules, so that a derived fact (isSesi reads industry; citPaidInWindow reads taxPayments and
 * registrationDate) is credited to the field it comes from. For each probe profile, each field
 * present is removed in turn (a required one is changed instead) and every policy whose status,
 * amount, figures, missing facts or assumptions move is a reader of that field; the facts a
 * policy names as missing in a probe are its readers too. docs/profile.md is made from this.
 *
 * Paths are the documentation's: `fiscalYears.{year}.revenue`, `land[].use`, `facilities[]`.
 */
export function docPath(concrete: string): string {
  return concrete.replace(/^fiscalYears\.\d{4}/, 'fiscalYears.{year}').replace(/\[\d+\]/g, '[]');
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Concrete paths of every field in a JSON profile, containers before what they hold. */
function paths(v: Json, prefix: string, out: string[]): string[] {
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      const p = `${prefix}[${i}]`;
      if (x === null || typeof x !== 'object') out.push(p);
      else paths(x, p, out);
    });
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.push(p);
      if (x !== null && typeof x === 'object') paths(x, p, out);
    }
  }
  return out;
}

/** A copy without the field at `path` (or with a required field changed). */
function without(profile: Json, path: string): Json {
  const copy = structuredClone(profile);
  const steps = path.match(/[^.[\]]+|\[\d+\]/g)!;
  let node: any = copy;
  for (const s of steps.slice(0, -1)) node = s.startsWith('[') ? node[Number(s.slice(1, -1))] : node[s];
  const last = steps.at(-1)!;
  if (last.startsWith('[')) node.splice(Number(last.slice(1, -1)), 1);
  else if (path === 'registrationDate') node[last] = node[last] < '2016-11-02' ? '2017-06-01' : '2010-06-01';
  else delete node[last];
  return copy;
}

function run(rules: RuleSet, profile: Json, asOf: CalendarDate): EvaluationResult | undefined {
  try {
    return evaluate(rules, validateProfile(readProfileJson(JSON.stringify(profile))), { asOf });
  } catch {
    return undefined; // the variant is not a valid profile (e.g. without its name): nothing to learn
  }
}

function fingerprint(b: EvaluationResult['benefits'][number]): string {
  return JSON.stringify([b.status, b.amount, b.figures, b.missing, b.assumptions.map((a) => a.fact)]);
}

export function fieldReaders(rules: RuleSet, probes: readonly Json[], asOf: CalendarDate): Map<string, Set<string>> {
  const readers = new Map<string, Set<string>>();
  const credit = (path: string, id: string) => {
    const key = docPath(path);
    let set = readers.get(key);
    if (!set) readers.set(key, (set = new Set()));
    set.add(id);
  };
  for (const probe of probes) {
    const base = run(rules, probe, asOf);
    if (!base) throw new Error('a probe profile is not valid');
    for (const b of base.benefits) for (const m of b.missing) credit(m, b.id);
    const before = new Map(base.benefits.map((b) => [b.id, fingerprint(b)]));
    for (const path of paths(probe, '', [])) {
      if (path === 'name' || path === '$schema') continue;
      const after = run(rules, without(probe, path), asOf);
      if (!after) continue;
      for (const b of after.benefits) {
        if (before.get(b.id) !== fingerprint(b)) credit(path, b.id);
        for (const m of b.missing) credit(m, b.id);
      }
    }
  }
  return readers;
}
