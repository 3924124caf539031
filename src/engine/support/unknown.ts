/** Up to this many missing facts, a merge looks for repeats in a list rather than a set. */
const SMALL_MERGE = 16;

/**
 * An unknown value: the facts that would make it known. Unknown is not false and not zero;
 * it travels through conditions and formulas and ends as `needs-info` with these paths.
 */
export class Unknown {
  constructor(readonly missing: readonly string[]) {}

  private static readonly named = new Map<string, Unknown>();

  /**
   * The unknown of one fact the code names (a constant, never text from a profile, so the set stays
   * small): one shared object, as an Unknown is never changed once made.
   */
  static of(fact: string): Unknown {
    let u = Unknown.named.get(fact);
    if (!u) {
      u = new Unknown([fact]);
      Unknown.named.set(fact, u);
    }
    return u;
  }

  static merge(list: readonly Unknown[]): Unknown {
    // The usual case, one unknown of one fact, needs no new one.
    if (list.length === 1 && list[0]!.missing.length === 1) return list[0]!;
    let count = 0;
    for (const u of list) count += u.missing.length;
    // A few facts (a policy's conditions) are merged fastest in a list; many (one per item of a
    // long list) in a set, which keeps the work linear. Either keeps the order first met.
    if (count <= SMALL_MERGE) {
      const out: string[] = [];
      for (const u of list) for (const m of u.missing) if (!out.includes(m)) out.push(m);
      return new Unknown(out);
    }
    const set = new Set<string>();
    for (const u of list) for (const m of u.missing) set.add(m);
    return new Unknown([...set]);
  }
}

/** Three-valued truth: true, false, or unknown with what is missing. */
export type Truth = boolean | Unknown;

/** Three-valued and: false wins over unknown; unknown names every missing fact it met. */
export function and(values: Truth[]): Truth {
  const unknown: Unknown[] = [];
  for (const v of values) {
    if (v === false) return false;
    if (v instanceof Unknown) unknown.push(v);
  }
  return unknown.length ? Unknown.merge(unknown) : true;
}

/** Three-valued or: true wins over unknown. */
export function or(values: Truth[]): Truth {
  const unknown: Unknown[] = [];
  for (const v of values) {
    if (v === true) return true;
    if (v instanceof Unknown) unknown.push(v);
  }
  return unknown.length ? Unknown.merge(unknown) : false;
}

/**
 * `and` (decisive: false) or `or` (decisive: true) of conditions evaluated in turn, stopping at the
 * first decisive one: the value `and`/`or` give, without evaluating what cannot change it.
 */
export function firstDecisive<S>(parts: readonly ((s: S) => Truth)[], s: S, decisive: boolean): Truth {
  // A list only from the second unknown on: most conditions meet one at most.
  let first: Unknown | undefined;
  let more: Unknown[] | undefined;
  for (const p of parts) {
    const v = p(s);
    if (v === decisive) return v;
    if (v instanceof Unknown) {
      if (first === undefined) first = v;
      else (more ??= [first]).push(v);
    }
  }
  if (more) return Unknown.merge(more);
  if (first) return first.missing.length === 1 ? first : Unknown.merge([first]);
  return !decisive;
}
