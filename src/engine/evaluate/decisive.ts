import type { Status } from './result.js';
import type { CheckNode, ConditionNode, GroupTrace, PolicyTrace, Reason, TraceData, TruthValue } from './trace.js';
import type { TextPair } from '../rules/rule-schema.js';

/**
 * The contract's `reasons`: the checks that decided the status, each once. For an eligible
 * policy, the checks that made it so (of an `any`, the branch that passed); for an ineligible one,
 * those that failed; for needs-info, the unknown ones with the facts to supply. A `not` with a
 * label is one check; inside an unlabelled one, each check is read in the negative.
 */
export function decisiveReasons(trace: PolicyTrace, status: Status, missing: readonly string[]): Reason[] {
  const out: Reason[] = [];
  const seen = new Set<string>();
  const add = (r: Reason) => {
    const key = `${r.check}\u0000${r.fact}\u0000${r.item ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(r);
    }
  };
  const want: TruthValue = status === 'eligible' ? true : status === 'ineligible' ? false : null;
  const top = trace.eligibility;
  if (top.result === want) collect(top, false, add);
  for (const g of trace.groups) if (g.result === want) add(groupReason(g));
  if (status === 'needs-info' && out.length === 0) {
    // The conditions hold; what is missing is an input of the amount.
    add({
      check: 'amount', fact: missing.join(', '), op: 'exists', value: null, expected: null, result: null,
      label: { zh: '计算金额所需的信息', en: 'What the amount is computed from' }, missing: [...missing],
    });
  }
  return out;
}

function collect(n: ConditionNode, negated: boolean, add: (r: Reason) => void): void {
  switch (n.kind) {
    case 'check':
      add(checkReason(n, negated));
      return;
    case 'not':
      if (n.label) {
        add({
          check: n.id ?? 'not', fact: factsOf(n.child).join(', '), op: 'not', value: null, expected: null,
          result: negated ? invert(n.result) : n.result, label: n.label,
          ...(n.result === null ? { missing: missingOf(n.child) } : {}),
        });
        return;
      }
      collect(n.child, !negated, add);
      return;
    case 'all':
    case 'any': {
      // Read under a `not`, an all behaves as an any and the other way round.
      const isAll = (n.kind === 'all') !== negated;
      const effective = negated ? invert(n.result) : n.result;
      const childResult = (c: ConditionNode) => (negated ? invert(c.result) : c.result);
      if (effective === true && !isAll) {
        const first = n.children.find((c) => childResult(c) === true);
        if (first) collect(first, negated, add);
        return;
      }
      for (const c of n.children) {
        if (effective === true || childResult(c) === effective) collect(c, negated, add);
      }
    }
  }
}

const invert = (t: TruthValue): TruthValue => (t === null ? null : !t);

function text(d: TraceData | undefined): string | null {
  if (!d || !d.known) return null;
  const v = d.value;
  if (v === null) return 'null';
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function checkReason(n: CheckNode, negated: boolean): Reason {
  const item = /^(\w+\[\d+\])\./.exec(n.path)?.[1];
  const r: Reason = {
    check: n.check, fact: n.path, op: n.op, value: text(n.value), expected: n.expected ? text(n.expected) : null,
    result: negated ? invert(n.result) : n.result, type: n.type,
  };
  if (n.label) r.label = n.label;
  if (n.result === null) r.missing = n.missing;
  if (item) r.item = item;
  if (negated) r.negated = true;
  return r;
}

function factsOf(n: ConditionNode): string[] {
  if (n.kind === 'check') return [n.path];
  if (n.kind === 'not') return factsOf(n.child);
  return [...new Set(n.children.flatMap(factsOf))];
}

function missingOf(n: ConditionNode): string[] {
  if (n.kind === 'check') return n.missing;
  if (n.kind === 'not') return missingOf(n.child);
  return [...new Set(n.children.flatMap(missingOf))];
}

const GROUP_WORDS: Record<GroupTrace['of'], { zh: string; en: string; plural: string; measure: string }> = {
  land: { zh: '土地', en: 'land parcel', plural: 'land parcels', measure: '宗' },
  utilities: { zh: '水电气用量', en: 'utility line', plural: 'utility lines', measure: '项' },
  taxPayments: { zh: '缴税记录', en: 'tax payment', plural: 'tax payments', measure: '笔' },
};

/** An item group as one check: "2 of 3 utility lines qualify", "no land parcel". */
function groupReason(g: GroupTrace): Reason {
  const w = GROUP_WORDS[g.of];
  const items = g.items ?? [];
  const counted = items.filter((i) => i.result === true).length;
  const head = { zh: g.label?.zh ?? w.zh, en: g.label?.en ?? w.plural };
  const label: TextPair =
    g.items === null
      ? { zh: `${head.zh}：档案未说明有无`, en: `${head.en}: the profile does not say whether there are any` }
      : items.length === 0
        ? { zh: `${head.zh}：档案中没有任何一${w.measure}`, en: `${head.en}: the profile lists none` }
        : {
            zh: `${head.zh}：共 ${items.length} ${w.measure}，${counted} ${w.measure}适用`,
            en: `${head.en}: ${counted} of ${items.length} ${items.length === 1 ? w.en : w.plural} qualif${counted === 1 ? 'ies' : 'y'}`,
          };
  const r: Reason = {
    check: g.name, fact: g.of, op: 'some', value: g.items === null ? null : String(counted), expected: null,
    result: g.result, label, item: g.of,
  };
  if (g.result === null) r.missing = [...new Set(g.items === null ? [g.of] : items.flatMap((i) => (i.result === null && i.condition ? missingOf(i.condition) : [])))];
  return r;
}
