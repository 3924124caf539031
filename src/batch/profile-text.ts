import type { Profile } from '../engine/index.js';
import { Dec } from '../engine/index.js';

/**
 * A profile as one line of JSON, money and quantities as their exact decimal text ("1234.5"), so
 * that reading the line gives the same profile: the form `convert` writes NDJSON in.
 */
export function profileLine(profile: Profile): string {
  return JSON.stringify(profile, function (this: Record<string, unknown>, key: string, value: unknown) {
    // The holder's own value: Decimal's toJSON may use an exponent, which money refuses.
    const raw = key === '' ? value : this[key];
    return raw instanceof Dec ? raw.toFixed() : value;
  });
}
