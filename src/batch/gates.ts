import { z } from 'zod';
import { PolicyCalcError, type LeanResult, type RuleSet } from '../engine/index.js';
import { inputLabel, type InputRef, type InvalidInput } from './formats.js';

/**
 * CI gates: `--fail-on needs-info` (any policy), `--fail-on P10:needs-info` (one policy),
 * repeatable and comma-separated. Workers check each result against the gates and report the
 * enterprises that trip one (or, for a JUnit report, every enterprise); the main thread names them
 * on stderr and sets the exit code.
 */
export const GATE_STATUSES = ['needs-info', 'ineligible'] as const;
export type GateStatus = (typeof GATE_STATUSES)[number];

export interface Gate {
  /** The policy id, or null for "any policy". */
  policy: string | null;
  status: GateStatus;
}

export const gateLabel = (g: Gate) => (g.policy ? `${g.policy}:${g.status}` : g.status);

const isStatus = (s: string): s is GateStatus => (GATE_STATUSES as readonly string[]).includes(s);

/** `--fail-on` values: each split at commas; `needs-info`, `ineligible`, or `<policy>:<status>`. */
export const failOn = () =>
  z
    .array(z.string())
    .default([])
    .transform((list, ctx): Gate[] => {
      const gates = new Map<string, Gate>();
      for (const raw of list.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
        const colon = raw.indexOf(':');
        if (colon < 0) {
          if (isStatus(raw)) gates.set(raw, { policy: null, status: raw });
          else ctx.addIssue({ code: 'custom', message: `--fail-on takes needs-info or ineligible, got "${raw}"` });
          continue;
        }
        const policy = raw.slice(0, colon).trim().toUpperCase();
        const status = raw.slice(colon + 1).trim();
        if (!/^P\d{2}$/.test(policy) || !isStatus(status)) {
          ctx.addIssue({ code: 'custom', message: `--fail-on takes a policy and a status such as P10:needs-info or P09:ineligible, got "${raw}"` });
          continue;
        }
        const g: Gate = { policy, status };
        gates.set(gateLabel(g), g);
      }
      return [...gates.values()];
    });

/** A gate naming a policy the rule set does not have can never trip: a usage error, said before anything runs. */
export function checkGates(gates: Gate[], rules: RuleSet): void {
  const ids = new Set(rules.policies.map((p) => p.def.id));
  const unknown = gates.filter((g) => g.policy && !ids.has(g.policy));
  if (unknown.length) {
    const range = `${rules.policies[0]?.def.id ?? ''} … ${rules.policies.at(-1)?.def.id ?? ''}`;
    throw new PolicyCalcError('USAGE', unknown.map((g) => ({ message: `--fail-on ${gateLabel(g)}: the rule set has no policy ${g.policy} (it has ${range})` })));
  }
}

/** A policy that trips a gate, with what is missing when it is needs-info. */
export interface Trip {
  gate: string;
  policy: string;
  status: GateStatus;
  missing: string[];
}

/** One enterprise as the gates saw it. */
export interface GateRecord {
  input: InputRef;
  name: string;
  creditCode: string | null;
  trips: Trip[];
}

export function tripsOf(result: LeanResult, gates: Gate[]): Trip[] {
  const trips: Trip[] = [];
  for (const g of gates) {
    for (const b of result.benefits) {
      if (b.status === g.status && (g.policy === null || g.policy === b.id)) {
        trips.push({ gate: gateLabel(g), policy: b.id, status: g.status, missing: b.status === 'needs-info' ? b.missing : [] });
      }
    }
  }
  return trips;
}

/** What a worker adds to its batch result: the enterprises that tripped a gate, or all of them (`all`). */
export function gateRecord(input: InputRef, result: LeanResult, gates: Gate[], all: boolean): GateRecord | undefined {
  const trips = tripsOf(result, gates);
  if (!trips.length && !all) return undefined;
  return { input, name: result.enterprise.name, creditCode: result.enterprise.creditCode, trips };
}

const SHOWN = 20;

/** Names come from the input: control characters are shown as escapes, never sent to the terminal. */
const visible = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Collects the gate records of a run, and says on stderr which enterprises and policies tripped which gate. */
export class GateReport {
  private readonly counts = new Map<string, number>();
  private readonly shown = new Map<string, string[]>();

  constructor(private readonly gates: Gate[]) {}

  add(rec: GateRecord): void {
    const byGate = new Map<string, string[]>();
    for (const t of rec.trips) byGate.set(t.gate, [...(byGate.get(t.gate) ?? []), t.policy]);
    for (const [gate, policies] of byGate) {
      this.counts.set(gate, (this.counts.get(gate) ?? 0) + 1);
      const list = this.shown.get(gate) ?? [];
      if (list.length < SHOWN) list.push(visible(`${inputLabel(rec.input)}  ${rec.name}${rec.creditCode ? ` (${rec.creditCode})` : ''}: ${policies.join(', ')}`));
      this.shown.set(gate, list);
    }
  }

  get tripped(): boolean {
    return this.counts.size > 0;
  }

  /** Lines for stderr, gates in the order given: how many enterprises, then the first of them with their policies. */
  text(): string {
    const lines: string[] = [];
    for (const g of this.gates) {
      const label = gateLabel(g);
      const n = this.counts.get(label);
      if (!n) continue;
      const what = g.policy ? `${g.policy} ${g.status}` : `a policy that is ${g.status}`;
      lines.push(`policy-calc: --fail-on ${label}: ${n} enterprise(s) have ${what}`);
      for (const s of this.shown.get(label) ?? []) lines.push(`policy-calc:   ${s}`);
      if (n > SHOWN) lines.push(`policy-calc:   ... and ${n - SHOWN} more`);
    }
    return lines.length ? `${lines.join('\n')}\n` : '';
  }
}

/** An entry of the JUnit report: an evaluated enterprise, or an input that could not be read. */
export type JunitCase = { record: GateRecord } | { invalid: InvalidInput };
