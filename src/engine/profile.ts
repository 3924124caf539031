import type { z } from 'zod';
import { PolicyCalcError, type Issue } from './errors.js';
import { JsonReadError, joinPath, lineColumn, readJson } from './json-reader.js';
import {
  profileSchema, fiscalYearSchema, parcelSchema, utilitySchema, taxPaymentSchema,
  headquartersSchema, activitiesSchema, type Profile,
} from './profile-schema.js';
import { didYouMean } from './suggest.js';
import { quickProfile } from './profile-validate.js';

const KNOWN_KEYS = [
  ...Object.keys(profileSchema.shape), ...Object.keys(fiscalYearSchema.shape), ...Object.keys(parcelSchema.shape),
  ...Object.keys(utilitySchema.shape), ...Object.keys(taxPaymentSchema.shape), ...Object.keys(headquartersSchema.shape),
  ...Object.keys(activitiesSchema.shape), 'industrial', 'residential', 'publicMedical',
];

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

/** Parses JSON text with the strict reader; syntax errors carry line and column. */
export function readProfileJson(text: string, file?: string): unknown {
  try {
    return readJson(text);
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

export function zodIssues(issues: readonly z.core.$ZodIssue[], file?: string, knownKeys: readonly string[] = KNOWN_KEYS): Issue[] {
  const out: Issue[] = [];
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
      out.push({ file, path: path || undefined, message: `expected ${a(plain[1]!)}, got ${a(plain[2]!)}` });
    } else if (iss.code === 'invalid_key') {
      const key = iss.path.at(-1);
      out.push({ file, path: path || undefined, message: `key ${JSON.stringify(String(key))} is not allowed here: ${iss.issues[0]?.message ?? iss.message}` });
    } else if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) {
        out.push({ file, path: joinPath(path, key), message: `unknown key "${key}"${didYouMean(key, knownKeys)}; unknown keys are refused so that a typo cannot drop a fact` });
      }
    } else if (iss.code === 'invalid_type' && iss.input === undefined) {
      out.push({ file, path: path || undefined, message: plain ? 'is required' : iss.message });
    } else {
      out.push({ file, path: path || undefined, message: iss.message });
    }
  }
  return out;
}

let validated = 0;

/** Validates a parsed JSON value as a profile. */
export function validateProfile(value: unknown, file?: string): Profile {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw new PolicyCalcError('PROFILE_INVALID', [
      { file, message: `expected one JSON object describing an enterprise, got ${got}${Array.isArray(value) ? ' (use `policy-calc batch` for many profiles)' : ''}` },
    ]);
  }
  // The plain validator takes what zod takes, at a fraction of the cost; zod words the refusals.
  const quick = quickProfile(value);
  if (quick) return quick;
  // zod compiles a schema into a faster parser on its first parse, which costs more than a few
  // parses: the first refusal is worded without it; a batch with many gets it from the second.
  const r = profileSchema.safeParse(value, validated++ ? undefined : { jitless: true });
  if (!r.success) throw new PolicyCalcError('PROFILE_INVALID', zodIssues(r.error.issues, file));
  return r.data;
}

export function parseProfile(text: string, file?: string): Profile {
  const value = readProfileJson(text, file);
  try {
    return validateProfile(value, file);
  } catch (e) {
    if (!(e instanceof PolicyCalcError) || !e.issues.some((i) => i.path)) throw e;
    // Validation ran on values; read the text again, recording where each value starts, to
    // give every issue its line and column as well as its path.
    const offsets = new Map<string, number>();
    readJson(text, offsets);
    const located = e.issues.map((i) => (i.path && i.line === undefined ? { ...i, ...locate(text, offsets, i.path) } : i));
    // In the order of the file, as a reader fixing them goes through it.
    located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    throw new PolicyCalcError(e.code, located);
  }
}

function locate(text: string, offsets: Map<string, number>, path: string): { line?: number; column?: number } {
  // The path of an unknown key or a missing one is not in the text: use its nearest parent.
  for (let p = path; p; p = p.replace(/(\.[^.[]+|\[[^\]]*\])$/, '')) {
    const at = offsets.get(p);
    if (at !== undefined) return lineColumn(text, at);
    if (!/[.[]/.test(p)) break;
  }
  return {};
}
