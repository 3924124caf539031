/**
 * An unknown value: the facts that would make it known. Unknown is not false and not zero;
 * it travels through conditions and formulas and ends as `needs-info` with these paths.
 */
export class Unknown {
  constructor(readonly missing: readonly string[]) {}

  static merge(list: readonly Unknown[]): Unknown {
    const set = new Set<string>();
    for (const u of list) for (const m of u.missing) set.add(m);
    return new Unknown([...set]);
  }
}

export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

/** Three-valued truth: true, false, or unknown with what is missing. */
export type Truth = boolean | Unknown;
