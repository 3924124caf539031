import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuleSet, loadRules, ruleFiles, type RuleSet, type RuleSource } from '../engine/index.js';
import { DEFAULT_RULES_DIR } from './io.js';

/**
 * The shipped rules are read from YAML once, at build time, and kept as JSON beside the bundle
 * (dist/rules.json). Parsing YAML is most of what `check` costs to start, so the CLI reads the
 * JSON instead whenever the rule directory is the shipped one and its files are still, byte for
 * byte, the ones that were precompiled (the JSON keeps a copy of them; comparing is exact, and
 * cheaper than hashing). Any edit to a rule file, or a file added or removed, and the YAML is read
 * as usual. POLICY_CALC_PRECOMPILED=0 turns the shortcut off (tests compare both paths).
 */
/** As the YAML loader: a rule file larger than this is refused there, and not read here. */
const MAX_RULE_FILE_BYTES = 1_000_000;

export const PRECOMPILED_RULES = fileURLToPath(new URL('../rules.json', import.meta.url));

interface Precompiled {
  format: 2;
  /** Each rule file, by its name in the rule directory, with its bytes as latin1 text (one char per byte). */
  files: [string, string][];
  source: RuleSource;
}

/** Each rule file with its bytes; undefined when one is not a plain file of a sane size (the YAML loader reports those). */
function ruleFileContents(dir: string): [string, string][] | undefined {
  const f = ruleFiles(dir);
  const out: [string, string][] = [];
  for (const file of [f.manifest, ...f.parameters, ...f.policies, ...(f.regions ? [f.regions] : [])]) {
    try {
      const st = statSync(file);
      if (!st.isFile() || st.size > MAX_RULE_FILE_BYTES) return undefined;
      out.push([relative(dir, file), readFileSync(file, 'latin1')]);
    } catch {
      return undefined;
    }
  }
  return out;
}

/** The rule source as JSON, with file names relative to the rule directory so the copy can move. */
export function serializeRuleSource(src: RuleSource): string {
  const rel = (f: string) => relative(src.dir, f);
  const files = ruleFileContents(src.dir);
  if (!files) throw new Error(`cannot precompile the rules in ${src.dir}: a rule file is not a plain file`);
  const data: Precompiled = {
    format: 2,
    files,
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

function unchanged(dir: string, files: [string, string][]): boolean {
  const current = ruleFileContents(dir);
  return current !== undefined && current.length === files.length && current.every(([name, text], i) => name === files[i]![0] && text === files[i]![1]);
}

/** The precompiled source of `dir` when it is fresh, else undefined. */
export function readPrecompiled(dir: string, file = PRECOMPILED_RULES): RuleSource | undefined {
  let data: Precompiled;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Precompiled;
  } catch {
    return undefined;
  }
  if (data?.format !== 2 || !Array.isArray(data.files) || !unchanged(dir, data.files)) return undefined;
  const abs = (f: string) => join(dir, f);
  return {
    ...data.source,
    dir,
    policies: data.source.policies.map((p) => ({ ...p, file: abs(p.file) })),
    parameters: data.source.parameters.map((p) => ({ ...p, file: abs(p.file) })),
    ...(data.source.regions ? { regions: { ...data.source.regions, file: abs(data.source.regions.file) } } : {}),
  };
}

/** Loads a rule set: the precompiled copy for the shipped rules when it is fresh, else the YAML. */
export function loadRuleSet(dir: string): RuleSet {
  if (process.env.POLICY_CALC_PRECOMPILED !== '0' && resolve(dir) === resolve(DEFAULT_RULES_DIR)) {
    const src = readPrecompiled(dir);
    if (src) return compileRuleSet(src);
  }
  return loadRules(dir);
}
