import type { z } from 'zod';
import { PolicyCalcError, type Issue } from './errors.js';
import { JsonReadError, joinPath, readJson } from './json-reader.js';
import {
  profileSchema, fiscalYearSchema, parcelSchema, utilitySchema, taxPaymentSchema,
  headquartersSchema, activitiesSchema, type Profile,
} from './profile-schema.js';
import { didYouMean } from './suggest.js';

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
    throw new PolicyCalcError('INPUT_ENCODING', [
      { file, message: 'is not valid UTF-8; save the profile as UTF-8 (GBK and other encodings are not read)' },
    ]);
  }
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
 * A union (a condition is all / any / not / a check) reports every branch's failure; the branch
 * that got furthest before failing is the one the author meant, so its issues are reported.
 */
export function specific(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((iss) => {
    if (iss.code !== 'invalid_union' || !iss.errors.length) return [iss];
    const depth = (list: readonly z.core.$ZodIssue[]) => Math.max(...list.map((i) => i.path.length));
    const best = [...iss.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0]!;
    return specific(best.map((i) => ({ ...i, path: [...iss.path, ...i.path] })));
  });
}

export function zodIssues(issues: readonly z.core.$ZodIssue[], file?: string, knownKeys: readonly string[] = KNOWN_KEYS): Issue[] {
  const out: Issue[] = [];
  for (const iss of specific(issues)) {
    const path = iss.path.reduce<string>((p, k) => joinPath(p, typeof k === 'symbol' ? String(k) : k), '');
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) {
        out.push({ file, path: joinPath(path, key), message: `unknown key "${key}"${didYouMean(key, knownKeys)}; unknown keys are refused so that a typo cannot drop a fact` });
      }
    } else if (iss.code === 'invalid_type' && iss.input === undefined) {
      out.push({ file, path: path || undefined, message: iss.message.startsWith('Invalid') ? 'is required' : iss.message });
    } else {
      out.push({ file, path: path || undefined, message: iss.message });
    }
  }
  return out;
}

/** Validates a parsed JSON value as a profile. */
export function validateProfile(value: unknown, file?: string): Profile {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw new PolicyCalcError('PROFILE_INVALID', [
      { file, message: `expected one JSON object describing an enterprise, got ${got}${Array.isArray(value) ? ' (use `policy-calc batch` for many profiles)' : ''}` },
    ]);
  }
  const r = profileSchema.safeParse(value);
  if (!r.success) throw new PolicyCalcError('PROFILE_INVALID', zodIssues(r.error.issues, file));
  return r.data;
}

export function parseProfile(text: string, file?: string): Profile {
  return validateProfile(readProfileJson(text, file), file);
}
