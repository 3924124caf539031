import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkedRuleSource, compileRuleSet, readRuleSource, ruleFiles, type RuleSet, type RuleSource } from '../engine/index.js';
import { DEFAULT_RULES_DIR } from './io.js';

/**
 * The shipped rules are read from YAML once, at build time, and kept as JSON beside the bundle
 * (dist/rules.json). Parsing YAML is most of what `check` costs to start, so the CLI reads the
 * JSON instead whenever the rule directory is the shipped one and its files are still the ones
 * that were precompiled. Any edit to a rule file, or a file added or removed, and the YAML is
 * read as usual. POLICY_CALC_PRECOMPILED=0 turns the shortcut off (tests compare both paths).
 *
 * Freshness is decided as git decides that a file is unchanged: each file's size, inode, mtime
 * and ctime are recorded with a SHA-256 of its bytes. A file whose stat is exactly as recorded is
 * unchanged without being read (writing a file always moves its ctime, which no tool can set
 * back); one whose stat differs is read and hashed, and is unchanged only when its bytes are (a
 * copied or checked-out rule directory). A file changed within the clock tick of its recorded
 * stat would keep that ctime: a file whose recorded ctime is that close to when it was recorded
 * ("racy", as git calls it) is always hashed.
 */
/** As the YAML loader: a rule file larger than this is refused there, and not read here. */
const MAX_RULE_FILE_BYTES = 1_000_000;
/** Timestamps closer than this to the moment they were read cannot vouch for the file. */
const RACY_MS = 2_000;

/** dist/rules.json, named from the package root: the same file from dist/cli, dist/bundle and src/cli (tests run the CLI from src). */
export const PRECOMPILED_RULES = fileURLToPath(new URL('../../dist/rules.json', import.meta.url));

interface FileStamp {
  /** The file's name in the rule directory. */
  name: string;
  size: number;
  ino: number;
  mtimeMs: number;
  ctimeMs: number;
  /** Its stat cannot vouch for it: always compare the hash. */
  racy: boolean;
  sha256: string;
}

interface Precompiled {
  format: 4;
  files: FileStamp[];
  source: RuleSource;
  /** The engine code whose validation checked `source` (see CHECKED_BY). */
  checkedBy?: string;
}

/**
 * A copy checked at build time is trusted only by the code that checked it: the build hashes the
 * engine's sources into both the bundle and dist/rules.json (scripts/bundle.mjs). Code run from
 * its sources (tests, tsc's output) has no such hash and validates the copy again, so that an
 * edit to the rules' validation is never passed over by a copy checked before it.
 */
declare const __PC_CHECKED_BY__: string | undefined;
const CHECKED_BY = typeof __PC_CHECKED_BY__ === 'string' ? __PC_CHECKED_BY__ : undefined;

/** The rule files, each a plain file of a sane size; undefined when one is not (the YAML loader reports those). */
function ruleFileStats(dir: string): { name: string; path: string; st: Stats }[] | undefined {
  const f = ruleFiles(dir);
  // ruleFiles joins each name to `dir`: cutting the prefix gives what relative() would, without
  // resolving both paths against the working directory for each of the files.
  const prefix = join(dir, sep);
  const nameOf = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : relative(dir, file));
  const out: { name: string; path: string; st: Stats }[] = [];
  for (const file of [f.manifest, ...f.parameters, ...f.policies, ...(f.regions ? [f.regions] : [])]) {
    try {
      const st = statSync(file);
      if (!st.isFile() || st.size > MAX_RULE_FILE_BYTES) return undefined;
      out.push({ name: nameOf(file), path: file, st });
    } catch {
      return undefined;
    }
  }
  return out;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function stamps(dir: string, now: () => number): FileStamp[] | undefined {
  const files = ruleFileStats(dir);
  if (!files) return undefined;
  return files.map(({ name, path, st }) => {
    const statedAt = now();
    const sha = sha256(path);
    // Changed while being read: the stat no longer describes the bytes hashed.
    const after = statSync(path);
    const moved = after.ctimeMs !== st.ctimeMs || after.mtimeMs !== st.mtimeMs || after.size !== st.size;
    const racy = moved || statedAt - st.ctimeMs < RACY_MS || statedAt - st.mtimeMs < RACY_MS;
    return { name, size: st.size, ino: st.ino, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, racy, sha256: sha };
  });
}

/**
 * The rule source as JSON, with file names relative to the rule directory so the copy can move;
 * `now` is the clock that decides which files are racy. The copy is checked (checkedRuleSource):
 * a run of the build that made it (`checkedBy`) compiles the rules without validating them again.
 */
export function serializeRuleSource(raw: RuleSource, now: () => number = Date.now, checkedBy?: string): string {
  const src = checkedRuleSource(raw);
  const rel = (f: string) => relative(src.dir, f);
  const files = stamps(src.dir, now);
  if (!files) throw new Error(`cannot precompile the rules in ${src.dir}: a rule file is not a plain file`);
  const data: Precompiled = {
    format: 4,
    files,
    ...(checkedBy ? { checkedBy } : {}),
    source: {
      ...src,
      dir: '.',
      policies: src.policies.map((p) => ({ ...p, file: rel(p.file) })),
      parameters: src.parameters.map((p) => ({ ...p, file: rel(p.file) })),
      ...(src.regions ? { regions: { ...src.regions, file: rel(src.regions.file) } } : {}),
    },
  };
  return JSON.stringify(data);
}

/** Whether the rule files are those recorded: the same names, and each the same bytes. */
function unchanged(dir: string, recorded: FileStamp[]): boolean {
  const current = ruleFileStats(dir);
  if (!current || current.length !== recorded.length) return false;
  return current.every(({ name, path, st }, i) => {
    const r = recorded[i]!;
    if (name !== r.name || st.size !== r.size) return false;
    const same = !r.racy && st.ino === r.ino && st.mtimeMs === r.mtimeMs && st.ctimeMs === r.ctimeMs;
    return same || sha256(path) === r.sha256;
  });
}

/** The precompiled source of `dir` when it is fresh, else undefined. */
export function readPrecompiled(dir: string, file = PRECOMPILED_RULES): RuleSource | undefined {
  let data: Precompiled;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Precompiled;
  } catch {
    return undefined;
  }
  if (data?.format !== 4 || !Array.isArray(data.files) || !unchanged(dir, data.files)) return undefined;
  const abs = (f: string) => join(dir, f);
  const trusted = CHECKED_BY !== undefined && data.checkedBy === CHECKED_BY;
  return {
    ...data.source,
    checked: trusted && data.source.checked ? true : undefined,
    dir,
    policies: data.source.policies.map((p) => ({ ...p, file: abs(p.file) })),
    parameters: data.source.parameters.map((p) => ({ ...p, file: abs(p.file) })),
    ...(data.source.regions ? { regions: { ...data.source.regions, file: abs(data.source.regions.file) } } : {}),
  };
}

/** The rule source: the precompiled copy for the shipped rules when it is fresh, else read from the YAML. */
export function loadRuleSource(dir: string): RuleSource {
  if (process.env.POLICY_CALC_PRECOMPILED !== '0' && resolve(dir) === resolve(DEFAULT_RULES_DIR)) {
    const src = readPrecompiled(dir);
    if (src) return src;
  }
  return readRuleSource(dir);
}

/** Loads a rule set: the precompiled copy for the shipped rules when it is fresh, else the YAML. */
export function loadRuleSet(dir: string): RuleSet {
  return compileRuleSet(loadRuleSource(dir));
}
