import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { PolicyCalcError, type Issue } from './errors.js';
import { compilePolicy, dependencyOrder, type CompiledPolicy } from './compile.js';
import { convertParameterValue, ParameterStore, type Parameter } from './parameters.js';
import { parseCalendarDate } from './dates.js';
import { manifestSchema, parameterSchema, policySchema, type Manifest, type PolicyDef } from './rule-schema.js';
import { specific, zodIssues } from './profile.js';
import { compileRegions, REGION_KEYS, type RegionLayout } from './regions.js';

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
  policies: { file: string; def: PolicyDef }[];
  parameters: { file: string; name: string; raw: unknown }[];
  regions?: { file: string; raw: unknown };
}

type YamlPath = (string | number)[];
const RULE_KEYS = [
  ...Object.keys(policySchema.shape), ...Object.keys(parameterSchema.shape), 'zh', 'en', 'fact', 'op', 'value', 'label',
  'all', 'any', 'not', 'when', 'pick', 'options', 'of', 'where', 'source', 'note', 'article', 'text', 'responsible', 'section',
];
const MAX_FILE_BYTES = 1_000_000;
const MAX_ALIASES = 100;
const lineIndex = new Map<string, (path: YamlPath) => number | undefined>();

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}

function readYaml(file: string, issues: Issue[]): unknown {
  let text: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES) {
      issues.push({ file, message: `rule file larger than ${MAX_FILE_BYTES} bytes` });
      return undefined;
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    issues.push({ file, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, strict: true, prettyErrors: false });
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      issues.push({ file, line: pos.line, column: pos.col, message: e.message.split('\n')[0]! });
    }
    return undefined;
  }
  lineIndex.set(file, (path) => lineOf(doc, lineCounter, path));
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const msg = e instanceof RangeError ? 'nesting too deep' : (e as Error).message;
    issues.push({ file, message: `refused: ${msg}` });
    return undefined;
  }
}

/** The line of the node at `path`; for a mapping key, the key's own line. */
function lineOf(doc: Document, lc: LineCounter, path: YamlPath): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = rangeLine(node, lc);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      line = rangeLine(pair.key, lc) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      node = node.items[seg];
      line = rangeLine(node, lc) ?? line;
    } else break;
  }
  return line;
}

function rangeLine(node: unknown, lc: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lc.linePos(range[0]).line : undefined;
}

function located(file: string, path: YamlPath, message: string): Issue {
  return { file, path: path.length ? path.join('.') : undefined, line: yamlLine(file, path), message };
}

/**
 * The line of a YAML path (a mapping key's own line; else the nearest existing ancestor) in a
 * rule file this process has read with readRuleSource; undefined for files it has not read.
 * `rules lint` locates its own findings with it.
 */
export function yamlLine(file: string, path: YamlPath): number | undefined {
  return lineIndex.get(file)?.(path);
}

/** Walks a parameter file: a mapping whose leaves (objects with `values`) are parameters. */
function collectParameters(file: string, node: unknown, prefix: YamlPath, out: RuleSource['parameters'], issues: Issue[]): void {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    issues.push(located(file, prefix, 'expected a group of parameters or a parameter with "values"'));
    return;
  }
  if ('values' in node) {
    out.push({ file, name: prefix.join('.'), raw: node });
    return;
  }
  for (const [k, v] of Object.entries(node)) {
    if (!/^[a-z][a-z0-9_]*$/.test(k)) issues.push(located(file, [...prefix, k], `parameter names are snake_case, got "${k}"`));
    else collectParameters(file, v, [...prefix, k], out, issues);
  }
}

export function readRuleSource(dir: string): RuleSource {
  const issues: Issue[] = [];
  const hash = createHash('sha256');
  const manifestFile = join(dir, 'manifest.yaml');
  const policyFiles = yamlFiles(join(dir, 'policies'));
  const parameterFiles = yamlFiles(join(dir, 'parameters'));
  const regionsFile = join(dir, 'regions.yaml');
  const hasRegions = existsSync(regionsFile);
  if (!policyFiles.length) {
    throw new PolicyCalcError('RULES_UNREADABLE', [{ file: dir, message: 'no rule set here: expected manifest.yaml, policies/*.yaml and parameters/*.yaml' }]);
  }
  for (const f of [manifestFile, ...parameterFiles, ...policyFiles, ...(hasRegions ? [regionsFile] : [])]) {
    try {
      hash.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
    } catch {
      // reported by readYaml
    }
  }
  const rawManifest = readYaml(manifestFile, issues);
  const m = manifestSchema.safeParse(rawManifest);
  if (rawManifest !== undefined && !m.success) issues.push(...zodIssues(m.error.issues, undefined, RULE_KEYS).map((i) => ({ ...i, ...located(manifestFile, [], i.message), path: i.path })));

  const parameters: RuleSource['parameters'] = [];
  for (const f of parameterFiles) {
    const raw = readYaml(f, issues);
    if (raw !== undefined) collectParameters(f, raw, [], parameters, issues);
  }
  const policies: RuleSource['policies'] = [];
  for (const f of policyFiles) {
    const raw = readYaml(f, issues);
    if (raw === undefined) continue;
    const r = policySchema.safeParse(raw);
    if (!r.success) {
      for (const iss of specific(r.error.issues)) issues.push(located(f, iss.path as YamlPath, zodIssues([iss], undefined, RULE_KEYS)[0]!.message));
      continue;
    }
    policies.push({ file: f, def: r.data });
  }
  let regions: RuleSource['regions'];
  if (hasRegions) {
    const raw = readYaml(regionsFile, issues);
    if (raw !== undefined) regions = { file: regionsFile, raw };
  }
  if (issues.length) throw new PolicyCalcError('RULES_INVALID', issues);
  return { dir, manifest: m.data!, hash: hash.digest('hex'), policies, parameters, ...(regions ? { regions } : {}) };
}

export function compileRuleSet(src: RuleSource): RuleSet {
  const issues: Issue[] = [];
  const params = new Map<string, Parameter>();
  for (const { file, name, raw } of src.parameters) {
    const r = parameterSchema.safeParse(raw);
    const path = name.split('.');
    if (!r.success) {
      for (const iss of specific(r.error.issues)) issues.push(located(file, [...path, ...(iss.path as YamlPath)], zodIssues([iss], undefined, RULE_KEYS)[0]!.message));
      continue;
    }
    if (params.has(name)) issues.push(located(file, path, `parameter "${name}" is defined twice`));
    const values = Object.entries(r.data.values)
      .map(([since, v]) => {
        const bad = parseCalendarDate(since);
        if (bad !== since) issues.push(located(file, [...path, 'values', since], `bad date "${since}": ${bad}`));
        const value = convertParameterValue(r.data.unit, v.value);
        if (value instanceof Error) issues.push(located(file, [...path, 'values', since, 'value'], value.message));
        return { since, value, source: v.source, ...(v.note ? { note: v.note } : {}) };
      })
      .sort((a, b) => (a.since < b.since ? -1 : 1));
    params.set(name, { name, unit: r.data.unit, description: r.data.description, values, file });
  }
  const store = new ParameterStore(params);

  const compiled: CompiledPolicy[] = [];
  const fileOf = new Map<string, string>();
  for (const { file, def } of src.policies) {
    const report = (path: YamlPath, message: string) => issues.push(located(file, path, message));
    if (def.id !== `P${String(def.article).padStart(2, '0')}`) report(['id'], `id ${def.id} does not match article ${def.article}`);
    if (def.citation.article !== def.article) report(['citation', 'article'], `citation cites article ${def.citation.article}, the policy is article ${def.article}`);
    if (fileOf.has(def.id)) report(['id'], `policy ${def.id} is also defined in ${fileOf.get(def.id)}`);
    fileOf.set(def.id, file);
    compiled.push(compilePolicy(def, store, report));
  }
  compiled.sort((a, b) => a.def.article - b.def.article);
  let regions: RegionLayout | undefined;
  if (src.regions) {
    const { file, raw } = src.regions;
    regions = compileRegions(
      raw,
      (path, message) => issues.push(located(file, path, message)),
      (zi) => {
        for (const iss of specific(zi)) {
          // An unknown key is located at the key itself, not at the mapping that holds it.
          const keys = iss.code === 'unrecognized_keys' ? iss.keys : [undefined];
          const messages = zodIssues([iss], undefined, [...RULE_KEYS, ...REGION_KEYS]);
          keys.forEach((k, i) => issues.push(located(file, [...(iss.path as YamlPath), ...(k === undefined ? [] : [k])], messages[i]!.message)));
        }
      },
    );
  }
  const order = dependencyOrder(compiled, (id, message) => issues.push(located(fileOf.get(id) ?? src.dir, ['eligibility'], message)));
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

export function loadRules(dir: string): RuleSet {
  return compileRuleSet(readRuleSource(dir));
}
