/**
 * Lookups keyed by input or by rule text. A plain object answers `obj["toString"]` from its
 * prototype (a function) and `"constructor" in obj` with true, so a district or a fact named like
 * an Object.prototype member would be "found". Every table a key from outside reaches is read
 * through these, which see own properties only.
 */
export function own<V>(table: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

export function hasOwn(table: object | undefined, key: string): boolean {
  return table !== undefined && Object.hasOwn(table, key);
}
