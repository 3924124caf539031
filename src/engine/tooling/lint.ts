import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { PolicyCalcError, type Issue } from '../support/errors.js';
import { ENGINE_PARAMETERS } from '../facts/facts.js';
import { byCodePoint, hasOwn, own } from '../support/own.js';
import { checkCitation, readSourceDocument, sourceCandidates, type SourceDocument } from './lint-source.js';
import { coverageGaps, datedValues, firstNeeded, parameterRefs, valueGaps, type ParameterRef } from './lint-parameters.js';
import { compileRuleSet, readRuleSource, type RuleSource } from '../rules/rule-set.js';
import { yamlLine } from '../rules/yaml-lines.js';

/**
 * `rules lint`: everything the loader refuses, and what it accepts but a reviewer would not:
 * citations not found in the source document or not in the policy's own article, parameters
 * with gaps or no reader, articles of the document without a policy. Each finding names the file
 * and the YAML line. The definitions of gap, overlap and unused are in lint-parameters.ts.
 */
export type LintSeverity = 'error' | 'warning';
export type LintRule =
  | 'loader'
  | 'citation-missing'
  | 'citation-not-in-source'
  | 'citation-article'
  | 'citation-section'
  | 'citation-responsible'
  | 'source-missing'
  | 'unknown-fact'
  | 'unknown-parameter'
  | 'parameter-source'
  | 'parameter-overlap'
  | 'parameter-gap'
  | 'unused-parameter'
  | 'missing-policy';

export interface LintProblem {
  severity: LintSeverity;
  rule: LintRule;
  file?: string;
  line?: number;
  column?: number;
  path?: string;
  message: string;
}

export interface LintReport {
  dir: string;
  /** The source document the citations were checked against, when one was found. */
  source: string | null;
  policies: number;
  parameters: number;
  problems: LintProblem[];
  errors: number;
  warnings: number;
}

export interface LintOptions {
  /** The source document, overriding the manifest's `document.file` lookup. */
  source?: string;
  /** Directories to look for the manifest's `document.file` in, after `<dir>/source/`. */
  sourceDirs?: string[];
}

/** Sorts loader issues into lint rules, so that a finding says which kind of problem it is. */
function classify(issue: Issue, dir: string): LintProblem {
  const { file, line, column, path, message } = issue;
  let rule: LintRule = 'loader';
  if (/^unknown fact |^unknown field |is only available inside items/.test(message)) rule = 'unknown-fact';
  else if (/^unknown parameter /.test(message)) rule = 'unknown-parameter';
  else if (/^citation cites article /.test(message)) rule = 'citation-article';
  else if (path === 'citation' || path?.startsWith('citation.')) rule = 'citation-missing';
  else if (path && /\.values\.[^.]+\.source$/.test(path)) rule = 'parameter-source';
  else if (message.startsWith('Map keys must be unique') && file?.startsWith(join(dir, 'parameters') + sep) && line && isDateKeyLine(file, line)) {
    return { severity: 'error', rule: 'parameter-overlap', file, line, column, message: 'overlap: two values take effect on the same date; keep one value per date' };
  }
  return { severity: 'error', rule, file, line, column, path, message };
}

function isDateKeyLine(file: string, line: number): boolean {
  try {
    return /^\s*["']?\d{4}-\d{2}-\d{2}["']?\s*:/.test(readFileSync(file, 'utf8').split(/\r?\n/)[line - 1] ?? '');
  } catch {
    return false;
  }
}

export function lintRules(dir: string, opts: LintOptions = {}): LintReport {
  const problems: LintProblem[] = [];
  const report = (): LintReport => finish(dir, problems, source, src);
  let source: SourceDocument | undefined;
  let src: RuleSource | undefined;
  try {
    src = readRuleSource(dir);
  } catch (e) {
    if (!(e instanceof PolicyCalcError)) throw e;
    problems.push(...e.issues.map((i) => classify(i, dir)));
    return report();
  }
  try {
    compileRuleSet(src);
  } catch (e) {
    if (!(e instanceof PolicyCalcError)) throw e;
    problems.push(...e.issues.map((i) => classify(i, dir)));
  }
  source = lintCitations(src, opts, problems);
  lintParameters(src, problems);
  lintCoverage(src, source, problems);
  return report();
}

function lintCitations(src: RuleSource, opts: LintOptions, problems: LintProblem[]): SourceDocument | undefined {
  const manifestFile = join(src.dir, 'manifest.yaml');
  const documentFile = src.manifest.document.file;
  if (!documentFile && !opts.source) {
    problems.push({ severity: 'warning', rule: 'source-missing', file: manifestFile, line: yamlLine(manifestFile, ['document']), path: 'document', message: 'no document.file: citations cannot be checked against the source document' });
    return undefined;
  }
  const candidates = sourceCandidates(src.dir, documentFile ?? '', opts);
  const doc = readSourceDocument(candidates);
  if (doc && Object.hasOwn(doc, 'problem')) {
    const { file, problem } = doc as { file: string; problem: string };
    problems.push({ severity: 'error', rule: 'source-missing', file, message: `the source document ${problem}` });
    return undefined;
  }
  if (!doc) {
    problems.push({
      severity: 'error',
      rule: 'source-missing',
      file: opts.source ? opts.source : manifestFile,
      line: opts.source ? undefined : yamlLine(manifestFile, ['document', 'file']),
      path: opts.source ? undefined : 'document.file',
      message: `source document not found (looked for ${candidates.map((c) => c.file).join(', ')}); give it with --source FILE`,
    });
    return undefined;
  }
  for (const { file, def } of src.policies) {
    for (const f of checkCitation(def, doc as SourceDocument)) {
      problems.push({ severity: f.severity, rule: f.rule, file, line: yamlLine(file, f.path), path: f.path.join('.'), message: f.message });
    }
  }
  return doc as SourceDocument;
}

function lintParameters(src: RuleSource, problems: LintProblem[]): void {
  const refs: ParameterRef[] = src.policies.flatMap(({ file, def }) => parameterRefs(def, file));
  const needs = new Map(src.policies.map(({ def }) => [def.id, { from: firstNeeded(def, src.manifest.document.issued), until: def.effective?.until }]));
  const defined = new Set(src.parameters.map((p) => p.name));
  const at = (file: string, name: string, sub: (string | number)[]) => ({ file, line: yamlLine(file, [...name.split('.'), ...sub]), path: [name, ...sub].join('.') });

  for (const { file, name, raw } of src.parameters) {
    const values = datedValues(raw);
    if (!values) continue; // the loader has reported why
    for (const g of valueGaps(values)) problems.push({ severity: 'error', rule: 'parameter-gap', ...at(file, name, g.at), message: g.message });
    const readers = refs.filter((r) => r.param === name);
    if (!readers.length && !hasOwn(ENGINE_PARAMETERS, name)) {
      problems.push({ severity: 'error', rule: 'unused-parameter', ...at(file, name, []), message: `parameter "${name}" is read by no policy and not by the engine; remove it or use it` });
    }
    // One finding per parameter and policy: the first place that policy needs it.
    const seen = new Set<string>();
    for (const r of readers) {
      if (r.optional || seen.has(r.policy)) continue;
      const gap = coverageGaps(values, needs.get(r.policy)!);
      if (!gap) continue;
      seen.add(r.policy);
      const where = `${r.file.split(/[\\/]/).pop()}:${yamlLine(r.file, r.path) ?? '?'}`;
      problems.push({ severity: 'error', rule: 'parameter-gap', ...at(file, name, gap.at), message: `${gap.message} by ${r.policy} (${where}, ${r.path.join('.')})` });
    }
  }
  // The engine's own parameters must exist where a policy uses the fact that reads them.
  for (const r of refs) {
    if (defined.has(r.param) || !hasOwn(ENGINE_PARAMETERS, r.param)) continue;
    problems.push({ severity: 'error', rule: 'unknown-parameter', file: r.file, line: yamlLine(r.file, r.path), path: r.path.join('.'), message: `uses ${own(ENGINE_PARAMETERS, r.param)!.join(', ')}, which reads parameter "${r.param}"; the rule set does not define it` });
  }
}

/** Articles of the document (else 1 … the highest article) that no policy encodes: warnings. */
function lintCoverage(src: RuleSource, doc: SourceDocument | undefined, problems: LintProblem[]): void {
  const have = new Set(src.policies.map((p) => p.def.article));
  const expected = doc?.articles.size ? [...doc.articles.keys()] : Array.from({ length: Math.max(0, ...have) }, (_, i) => i + 1);
  for (const n of expected.sort((a, b) => a - b)) {
    if (have.has(n)) continue;
    const id = `P${String(n).padStart(2, '0')}`;
    problems.push({ severity: 'warning', rule: 'missing-policy', file: join(src.dir, 'policies'), message: `article ${n} has no policy (expected ${id} in a file of policies/)` });
  }
}

function finish(dir: string, problems: LintProblem[], source: SourceDocument | undefined, src: RuleSource | undefined): LintReport {
  // Stable order: by file, then line; findings without a line after those with one.
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => byCodePoint(a.p.file ?? '', b.p.file ?? '') || (a.p.line ?? Infinity) - (b.p.line ?? Infinity) || a.i - b.i)
    .map(({ p }) => p);
  return {
    dir,
    source: source?.file ?? null,
    policies: src?.policies.length ?? 0,
    parameters: src?.parameters.length ?? 0,
    problems: sorted,
    errors: sorted.filter((p) => p.severity === 'error').length,
    warnings: sorted.filter((p) => p.severity === 'warning').length,
  };
}
