import { isPolicyCalcError, profileSchemas, validateProfile, type Issue, type Profile } from '../engine/index.js';

/**
 * The profile being written, as the JSON it will be saved as (money as decimal text, exactly as
 * typed). Paths are the engine's: `industry`, `activities.firstLoan`, `fiscalYears.2017.revenue`,
 * `land[0].use`, `utilities[1].referencePrices.industrial`.
 */
export type Draft = Record<string, unknown>;

function steps(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

export function getAt(draft: Draft, path: string): unknown {
  let node: unknown = draft;
  for (const s of steps(path)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, s)) return undefined;
    node = (node as Record<string | number, unknown>)[s];
  }
  return node;
}

/** A copy with the value at `path`, creating the objects on the way (never the lists: items are added whole). */
export function setAt(draft: Draft, path: string, value: unknown): Draft {
  const copy = clone(draft);
  const s = steps(path);
  let node = copy as Record<string | number, unknown>;
  for (const step of s.slice(0, -1)) {
    if (!Object.hasOwn(node, step) || node[step] === null || typeof node[step] !== 'object') node[step] = {};
    node = node[step] as Record<string | number, unknown>;
  }
  node[s.at(-1)!] = value;
  return copy;
}

/** Plain JSON values copied; exact numbers (objects with their text) are kept as they are. */
function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) as T;
  }
  return v;
}

/** The problems of the draft at `path` (or below it), in the validator's words; [] when there are none. */
export function problemsAt(draft: Draft, path: string): Issue[] {
  try {
    validateProfile(draft);
    return [];
  } catch (e) {
    if (!isPolicyCalcError(e)) throw e;
    return e.issues.filter((i) => i.path !== undefined && (i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`)));
  }
}

/** The draft as a profile, or the problems that keep it from being one. */
export function asProfile(draft: Draft): { profile: Profile } | { issues: Issue[] } {
  try {
    return { profile: validateProfile(draft) };
  } catch (e) {
    if (!isPolicyCalcError(e)) throw e;
    return { issues: e.issues };
  }
}

/** The text to save: the fields in the order of the reference (docs/profile.md), two-space JSON. */
export function draftText(draft: Draft): string {
  // Read here, not at import: the schemas are built on first use (engine profile-schema.ts).
  const ORDER = Object.keys(profileSchemas().profile.shape);
  const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);
  const ordered = Object.fromEntries(Object.entries(draft).sort(([a], [b]) => rank(a) - rank(b)));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
