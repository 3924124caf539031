import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PolicyCalcError, type Issue } from '../support/errors.js';
import { compilePolicy, type CompiledPolicy } from './compile.js';
import { dependencyOrder } from './dependency-order.js';
import { convertParameterValue, ENGINE_PARAMETER_SHAPES, ParameterStore, type Parameter } from './parameters.js';
import { parseCalendarDate } from '../support/dates.js';
import { ruleSchemas, type Manifest, type ParameterDef, type PolicyDef } from './rule-schema.js';
import { flattenUnions, zodIssues } from '../profile/profile.js';
import { compileRegions, REGION_KEYS, regionLayout, regionsFileSchema, type RegionLayout, type RegionsFile } from '../facts/regions.js';
import { MAX_FILE_BYTES, readYamlFile } from './yaml-file.js';
import { linesOf, rememberLines, yamlLine } from './yaml-lines.js';
import { checkNotes } from './law-in-force.js';
import { own } from '../support/own.js';

/**
 * A rule directory: manifest.yaml, parameters/*.yaml (a tree of groups whose leaves have
 * `values`), policies/*.yaml (one article each). Loading checks everything and reports every
 * problem at once with file and line; the result is compiled once into closures.
 */
export interface RuleSet {
  manifest: Manifest;
  version: string;
  /** In article order, as the output lists them. */
  policies: CompiledPolicy[];
  /** In dependency order, as they are evaluated. */
  order: CompiledPolicy[];
  params: ParameterStore;
  dir: string;
  /** Section 二(二)'s priority industries by functional region, from the optional regions.yaml. */
  regions?: RegionLayout;
}

/** The rule files as data: what a build step can serialize to skip YAML at run time. */
export interface RuleSource {
  dir: string;
  manifest: Manifest;
  hash: string;
  /** Each policy with the line of every node of its file, by YAML path (`eligibility.all.0`), for the decision tree. */
  policies: { file: string; def: PolicyDef; lines?: Record<string, number> }[];
  parameters: { file: string; name: string; raw: unknown }[];
  regions?: { file: string; raw: unknown };
  /**
   * A copy made by checkedRuleSource: its parameters and regions are what their validation gave,
   * and it compiled without a problem when made. Compiling it again skips that validation, most
   * of what compiling costs; a copy that could be stale is the reader's to refuse (src/cli/rules.ts).
   */
  checked?: true;
}

type YamlPath = (string | number)[];
/** The keys a misspelt key is matched against (did you mean); only a rule file with a problem needs them. */
const ruleKeys = () => [
  ...Object.keys(ruleSchemas().policySchema.shape), ...Object.keys(ruleSchemas().parameterSchema.shape), 'zh', 'en', 'fact', 'op', 'value', 'label',
  'all', 'any', 'not', 'when', 'pick', 'options', 'of', 'where', 'source', 'note', 'article', 'text', 'responsible', 'section',
  'from', 'until', 'if',
];

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}

function readYaml(file: string, issues: Issue[]): unknown {
  const read = readYamlFile(file, issues);
  if (!read) return undefined;
  const { doc, lineCounter } = read;
  rememberLines(file, doc, lineCounter);
  return read.value;
}

function located(file: string, path: YamlPath, message: string): Issue {
  return { file, path: path.length ? path.join('.') : undefined, line: yamlLine(file, path), message };
}

/** Walks a parameter file: a mapping whose leaves (objects with `values`) are parameters. */
function collectParameters(file: string, node: unknown, prefix: YamlPath, out: RuleSource['parameters'], issues: Issue[]): void {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    issues.push(located(file, prefix, 'expected a group of parameters or a parameter with "values"'));
    return;
  }
  if (Object.hasOwn(node, 'values')) {
    out.push({ file, name: prefix.join('.'), raw: node });
    return;
  }
  for (const [k, v] of Object.entries(node)) {
    if (!/^[a-z][a-z0-9_]*$/.test(k)) issues.push(located(file, [...prefix, k], `parameter names are snake_case, got "${k}"`));
    else collectParameters(file, v, [...prefix, k], out, issues);
  }
}

/** The files a rule directory is read from, in the order they are hashed (what a precompiled copy of the rules must match). */
export function ruleFiles(dir: string): { manifest: string; parameters: string[]; policies: string[]; regions?: string } {
  const regions = join(dir, 'regions.yaml');
  return {
    manifest: join(dir, 'manifest.yaml'),
    parameters: yamlFiles(join(dir, 'parameters')),
    policies: yamlFiles(join(dir, 'policies')),
    ...(existsSync(regions) ? { regions } : {}),
  };
}

export function readRuleSource(dir: string): RuleSource {
  const issues: Issue[] = [];
  const hash = createHash('sha256');
  const files = ruleFiles(dir);
  const manifestFile = files.manifest;
  const policyFiles = files.policies;
  const parameterFiles = files.parameters;
  const regionsFile = files.regions ?? join(dir, 'regions.yaml');
  const hasRegions = files.regions !== undefined;
  if (!policyFiles.length) {
    throw new PolicyCalcError('RULES_UNREADABLE', [{ file: dir, message: 'no rule set here: expected manifest.yaml, policies/*.yaml and parameters/*.yaml' }]);
  }
  for (const f of [manifestFile, ...parameterFiles, ...policyFiles, ...(hasRegions ? [regionsFile] : [])]) {
    try {
      // Only what readYaml will read: a pipe or a device would block or never end.
      const st = statSync(f);
      if (st.isFile() && st.size <= MAX_FILE_BYTES) hash.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
    } catch {
      // reported by readYaml
    }
  }
  const rawManifest = readYaml(manifestFile, issues);
  const m = ruleSchemas().manifestSchema.safeParse(rawManifest);
  if (rawManifest !== undefined && !m.success) issues.push(...zodIssues(m.error.issues, undefined, ruleKeys()).map((i) => ({ ...i, ...located(manifestFile, [], i.message), path: i.path })));

  const parameters: RuleSource['parameters'] = [];
  for (const f of parameterFiles) {
    const raw = readYaml(f, issues);
    if (raw !== undefined) collectParameters(f, raw, [], parameters, issues);
  }
  const policies: RuleSource['policies'] = [];
  for (const f of policyFiles) {
    const raw = readYaml(f, issues);
    if (raw === undefined) continue;
    const r = ruleSchemas().policySchema.safeParse(raw);
    if (!r.success) {
      for (const iss of flattenUnions(r.error.issues)) issues.push(located(f, iss.path as YamlPath, zodIssues([iss], undefined, ruleKeys())[0]!.message));
      continue;
    }
    policies.push({ file: f, def: r.data, lines: linesOf(f) });
  }
  let regions: RuleSource['regions'];
  if (hasRegions) {
    const raw = readYaml(regionsFile, issues);
    if (raw !== undefined) regions = { file: regionsFile, raw };
  }
  if (issues.length) throw new PolicyCalcError('RULES_INVALID', issues);
  return { dir, manifest: m.data!, hash: hash.digest('hex'), policies, parameters, ...(regions ? { regions } : {}) };
}

/** A parameter the engine reads itself must have the unit and shape the engine expects. */
function checkEngineParameter(name: string, unit: string, value: unknown, report: (path: YamlPath, message: string) => void): void {
  const want = own(ENGINE_PARAMETER_SHAPES, name);
  if (!want) return;
  if (unit !== want.unit) return report([], `parameter "${name}" is read by the engine as a ${want.unit}, not a ${unit}`);
  const r = want.schema?.().safeParse(value, ONCE);
  if (r && !r.success) for (const iss of flattenUnions(r.error.issues)) report(iss.path as YamlPath, zodIssues([iss], undefined, ruleKeys())[0]!.message);
}

/**
 * Rules are validated once per run: zod's compiled fast path (generated on a schema's first parse)
 * would cost more to build than it saves, so these parses go without it. Same checks, same issues.
 */
const ONCE = { jitless: true } as const;

export function compileRuleSet(src: RuleSource): RuleSet {
  const issues: Issue[] = [];
  const params = new Map<string, Parameter>();
  for (const { file, name, raw } of src.parameters) {
    const r = src.checked ? { success: true as const, data: raw as ParameterDef } : ruleSchemas().parameterSchema.safeParse(raw, ONCE);
    const path = name.split('.');
    if (!r.success) {
      for (const iss of flattenUnions(r.error.issues)) issues.push(located(file, [...path, ...(iss.path as YamlPath)], zodIssues([iss], undefined, ruleKeys())[0]!.message));
      continue;
    }
    if (params.has(name)) issues.push(located(file, path, `parameter "${name}" is defined twice`));
    const values = Object.entries(r.data.values)
      .map(([since, v]) => {
        const bad = parseCalendarDate(since);
        if (bad !== since) issues.push(located(file, [...path, 'values', since], `bad date "${since}": ${bad}`));
        const value = convertParameterValue(r.data.unit, v.value);
        if (value instanceof Error) issues.push(located(file, [...path, 'values', since, 'value'], value.message));
        else if (value !== null && !src.checked) checkEngineParameter(name, r.data.unit, value, (p, m) => issues.push(located(file, [...path, 'values', since, 'value', ...p], m)));
        return { since, value, source: v.source, ...(v.note ? { note: v.note } : {}) };
      })
      .sort((a, b) => (a.since < b.since ? -1 : 1));
    params.set(name, { name, unit: r.data.unit, description: r.data.description, values, file });
  }
  const store = new ParameterStore(params);

  const compiled: CompiledPolicy[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, def, lines } of src.policies) {
    const report = (path: YamlPath, message: string) => issues.push(located(file, path, message));
    const rel = relative(src.dir, file);
    const ref = (path: YamlPath) => {
      const key = path.join('.');
      const line = lines && Object.hasOwn(lines, key) ? lines[key] : undefined;
      return line === undefined ? { file: rel, path: key } : { file: rel, path: key, line };
    };
    if (def.id !== `P${String(def.article).padStart(2, '0')}`) report(['id'], `id ${def.id} does not match article ${def.article}`);
    if (def.citation.article !== def.article) report(['citation', 'article'], `citation cites article ${def.citation.article}, the policy is article ${def.article}`);
    if (fileOf.has(def.id)) report(['id'], `policy ${def.id} is also defined in ${fileOf.get(def.id)}`);
    fileOf.set(def.id, file);
    compiled.push(compilePolicy(def, store, report, ref));
    checkNotes(def.notes, store, report);
  }
  compiled.sort((a, b) => a.def.article - b.def.article);
  let regions: RegionLayout | undefined;
  if (src.regions?.raw !== undefined && src.checked) regions = regionLayout(src.regions.raw as RegionsFile);
  else if (src.regions) {
    const { file, raw } = src.regions;
    regions = compileRegions(
      raw,
      (path, message) => issues.push(located(file, path, message)),
      (zi) => {
        for (const iss of flattenUnions(zi)) {
          // An unknown key is located at the key itself, not at the mapping that holds it.
          const keys = iss.code === 'unrecognized_keys' ? iss.keys : [undefined];
          const messages = zodIssues([iss], undefined, [...ruleKeys(), ...REGION_KEYS]);
          keys.forEach((k, i) => issues.push(located(file, [...(iss.path as YamlPath), ...(k === undefined ? [] : [k])], messages[i]!.message)));
        }
      },
    );
  }
  const order = dependencyOrder(compiled, (id, path, message) => issues.push(located(fileOf.get(id) ?? src.dir, path, message)));
  if (issues.length) throw new PolicyCalcError('RULES_INVALID', issues);
  return {
    manifest: src.manifest,
    version: `${src.manifest.version}+${src.hash.slice(0, 8)}`,
    policies: compiled,
    order,
    params: store,
    dir: src.dir,
    ...(regions ? { regions } : {}),
  };
}

/**
 * The source as a precompiled copy keeps it: validated as compileRuleSet validates it (which
 * throws what a run would), its parameters and regions replaced by what their validation gave.
 */
export function checkedRuleSource(src: RuleSource): RuleSource {
  compileRuleSet(src);
  return {
    ...src,
    parameters: src.parameters.map((p) => ({ ...p, raw: ruleSchemas().parameterSchema.parse(p.raw, ONCE) })),
    ...(src.regions ? { regions: { ...src.regions, raw: regionsFileSchema().parse(src.regions.raw, ONCE) } } : {}),
    checked: true,
  };
}

export function loadRules(dir: string): RuleSet {
  return compileRuleSet(readRuleSource(dir));
}
