import type { z } from 'zod';
import { MAX_ISSUES, moreIssues, PolicyCalcError, quoteInput, type Issue } from '../support/errors.js';
import { JsonReadError, joinPath, lineColumns, readJson } from './json-reader.js';
import { readJsonBounded } from './json-fast.js';
import { profileSchemas, type Profile } from './profile-schema.js';
import { didYouMean } from '../support/suggest.js';
import { quickProfile } from './profile-validate.js';

let knownKeys: string[] | undefined;

/** Every key of the profile, for "did you mean": made from the schemas when a refusal is worded. */
function knownProfileKeys(): string[] {
  if (knownKeys) return knownKeys;
  const s = profileSchemas();
  return (knownKeys = [
    ...Object.keys(s.profile.shape), ...Object.keys(s.fiscalYear.shape), ...Object.keys(s.parcel.shape),
    ...Object.keys(s.utility.shape), ...Object.keys(s.taxPayment.shape), ...Object.keys(s.headquarters.shape),
    ...Object.keys(s.activities.shape), 'industrial', 'residential', 'publicMedical',
  ]);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes file bytes as UTF-8, refusing anything else rather than guessing an encoding. */
export function decodeUtf8(bytes: Uint8Array, file?: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // Say where: the line and column of the first bad byte, and the JSON path it sits in
    // (read from the valid text before it, which ends inside that string).
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1));
    let path: string | undefined;
    try {
      readJson(utf8.decode(bytes.subarray(0, at)));
    } catch (e) {
      if (e instanceof JsonReadError && e.path) path = e.path;
    }
    throw new PolicyCalcError('INPUT_ENCODING', [
      { file, line, column: at - lineStart + 1, path, message: `byte 0x${bytes[at]!.toString(16).padStart(2, '0')} is not valid UTF-8; save the profile as UTF-8 (GBK and other encodings are not read)` },
    ]);
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    // The second byte's range is narrower after E0, ED, F0, F4 (no overlong forms, no surrogates).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (bytes[i + 1]! < lo || bytes[i + 1]! > hi) return i;
    for (let k = 2; k < n; k++) if (bytes[i + k]! < 0x80 || bytes[i + k]! > 0xbf) return i;
    i += n;
  }
  return bytes.length;
}

/** Parses JSON text as the strict reader does; syntax errors carry line and column. */
export function readProfileJson(text: string, file?: string): unknown {
  return readBoundedProfileJson(text, file).value;
}

/** readProfileJson, saying whether every array is already known to hold at most MAX_ITEMS items. */
function readBoundedProfileJson(text: string, file?: string): { value: unknown; bounded: boolean } {
  try {
    return readJsonBounded(text, MAX_ITEMS);
  } catch (e) {
    if (e instanceof JsonReadError) {
      throw new PolicyCalcError('INPUT_JSON', [
        { file, line: e.line, column: e.column, path: e.path || undefined, message: e.message },
      ]);
    }
    throw e;
  }
}

/**
 * A value that matches no branch of a union gets zod's bare "Invalid input". Replace it by the
 * issues of the branch the value was most likely meant for: the one it least disagrees with at
 * its top (fewest unknown or missing keys there), then the one with fewest issues.
 */
export function flattenUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const iss of issues) {
    if (iss.code !== 'invalid_union' || !iss.errors.length) {
      out.push(iss);
      continue;
    }
    const score = (branch: z.core.$ZodIssue[]) =>
      branch.filter((b) => (b.code === 'unrecognized_keys' && b.path.length === 0) || (b.code === 'invalid_type' && b.input === undefined && b.path.length === 1)).length * 1000 + branch.length;
    const best = iss.errors.reduce((a, b) => (score(b) < score(a) ? b : a));
    out.push(...flattenUnions(best.map((b) => ({ ...b, path: [...iss.path, ...b.path] }) as z.core.$ZodIssue)));
  }
  return out;
}

/** Counts issues as they are made, and makes only the first `limit`: the rest cost a count. */
export interface IssueBound {
  limit: number;
  total: number;
}

export function zodIssues(issues: readonly z.core.$ZodIssue[], file?: string, knownKeys: readonly string[] = knownProfileKeys(), bound?: IssueBound): Issue[] {
  const out: Issue[] = [];
  const emit = (make: () => Issue) => {
    if (bound && ++bound.total > bound.limit) return;
    out.push(make());
  };
  const wrongType = new Set<string>();
  for (const iss of flattenUnions(issues)) {
    const path = iss.path.reduce<string>((p, k) => joinPath(p, typeof k === 'symbol' ? String(k) : k), '');
    // zod goes on checking a value of the wrong type (a length after "expected string"): one
    // problem, one message.
    if (wrongType.has(path)) continue;
    if (iss.code === 'invalid_type') wrongType.add(path);
    const plain = iss.code === 'invalid_type' ? /^Invalid input: expected (\w+), received (\w+)$/.exec(iss.message) : null;
    if (plain && plain[2] !== 'undefined') {
      const a = (w: string) => (w === 'null' ? 'null' : `${/^[aeiou]/.test(w) ? 'an' : 'a'} ${w}`);
      emit(() => ({ file, path: path || undefined, message: `expected ${a(plain[1]!)}, got ${a(plain[2]!)}` }));
    } else if (iss.code === 'invalid_key') {
      const key = iss.path.at(-1);
      emit(() => ({ file, path: path || undefined, message: `key ${quoteInput(String(key))} is not allowed here: ${iss.issues[0]?.message ?? iss.message}` }));
    } else if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) {
        emit(() => ({ file, path: joinPath(path, key), message: `unknown key ${quoteInput(key)}${didYouMean(key, knownKeys)}; unknown keys are refused so that a typo cannot drop a fact` }));
      }
    } else if (iss.code === 'invalid_type' && iss.input === undefined) {
      emit(() => ({ file, path: path || undefined, message: plain ? 'is required' : iss.message }));
    } else {
      emit(() => ({ file, path: path || undefined, message: iss.message }));
    }
  }
  return out;
}

/**
 * Arrays longer than any enterprise needs are refused before validation: a validator collecting a
 * problem per item of a 130,000-item array overflows the stack (zod spreads them into a push).
 */
export const MAX_ITEMS = 5_000;

function tooManyItems(value: unknown, file: string | undefined): Issue[] {
  // A quick pass without paths first: every valid profile goes through here.
  if (!hasLongArray(value)) return [];
  const out: Issue[] = [];
  const stack: { v: unknown; path: string }[] = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      if (v.length > MAX_ITEMS) {
        out.push({ file, path: path || undefined, message: `has ${v.length} items; at most ${MAX_ITEMS} are read (a profile describes one enterprise)` });
        continue;
      }
      v.forEach((x, i) => stack.push({ v: x, path: joinPath(path, i) }));
    } else {
      for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: joinPath(path, k) });
    }
  }
  return out.reverse();
}

function hasLongArray(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      if (v.length > MAX_ITEMS) return true;
      for (const x of v) if (x !== null && typeof x === 'object') stack.push(x);
    } else {
      for (const k in v) if (Object.hasOwn(v, k)) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return false;
}

let validated = 0;

/** Validates a parsed JSON value as a profile. */
export function validateProfile(value: unknown, file?: string): Profile {
  return validateValue(value, file, false);
}

function validateValue(value: unknown, file: string | undefined, bounded: boolean): Profile {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw new PolicyCalcError('PROFILE_INVALID', [
      { file, message: `expected one JSON object describing an enterprise, got ${got}${Array.isArray(value) ? ' (use `policy-calc batch` for many profiles)' : ''}` },
    ]);
  }
  // Work is bounded before it starts: an overlong array is refused whatever validates it.
  if (!bounded) {
    const large = tooManyItems(value, file);
    if (large.length) throw new PolicyCalcError('PROFILE_INVALID', large);
  }
  // The plain validator takes what zod takes, at a fraction of the cost; zod words the refusals.
  const quick = quickProfile(value);
  if (quick) return quick;
  // zod compiles a schema into a faster parser on its first parse, which costs more than a few
  // parses: the first refusal is worded without it; a batch with many gets it from the second.
  const r = profileSchemas().profile.safeParse(value, validated++ ? undefined : { jitless: true });
  if (!r.success) {
    const bound: IssueBound = { limit: MAX_ISSUES, total: 0 };
    const issues = zodIssues(r.error.issues, file, knownProfileKeys(), bound);
    if (bound.total > bound.limit) issues.push(moreIssues(file, bound.total - bound.limit));
    throw new PolicyCalcError('PROFILE_INVALID', issues);
  }
  return r.data;
}

export function parseProfile(text: string, file?: string): Profile {
  const { value, bounded } = readBoundedProfileJson(text, file);
  try {
    return validateValue(value, file, bounded);
  } catch (e) {
    if (!(e instanceof PolicyCalcError) || !e.issues.some((i) => i.path)) throw e;
    // Validation ran on values; read the text again, recording where each value starts, to
    // give every issue its line and column as well as its path.
    const offsets = new Map<string, number>();
    readJson(text, offsets);
    const at = e.issues.map((i) => (i.path && i.line === undefined ? offsetOf(offsets, i.path) : undefined));
    const where = lineColumns(text, at.filter((o): o is number => o !== undefined));
    const located = e.issues.map((i, k) => (at[k] === undefined ? i : { ...i, ...where.get(at[k]!) }));
    // In the order of the file, as a reader fixing them goes through it; the count of the rest last.
    const more = located.filter((i) => !i.path && / more problems?; only the first /.test(i.message));
    const listed = located.filter((i) => !more.includes(i));
    listed.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw new PolicyCalcError(e.code, [...listed, ...more]);
  }
}

/** The offset of a path's value; for an unknown or missing key (not in the text), its nearest parent's. */
function offsetOf(offsets: Map<string, number>, path: string): number | undefined {
  for (let p = path; p; p = p.replace(/(\.[^.[]+|\[[^\]]*\])$/, '')) {
    const at = offsets.get(p);
    if (at !== undefined) return at;
    if (!/[.[]/.test(p)) break;
  }
  return undefined;
}
