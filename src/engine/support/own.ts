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

/**
 * Text order by Unicode code point, the same on every machine: `localeCompare` follows the
 * locale (and its ICU data), so `rules lint` printed its findings in another order under another LANG.
 */
export function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}
