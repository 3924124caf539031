import { Chalk } from 'chalk';
import { escapeControls, lintRules, type LintProblem, type LintReport } from '../engine/index.js';
import { colorWanted } from '../cli/color.js';
import { EXIT, exitWith } from '../cli/exit.js';
import { DEFAULT_RULES_DIR, writeOut } from '../cli/io.js';
import { commandOptions } from '../cli/options.js';
import { shownPath, sourceDirs } from '../cli/paths.js';

/** Paths as the user would type them; `undefined` stays so. */
function shown(file: string | undefined): string | undefined {
  return file === undefined ? undefined : shownPath(file);
}

export function formatProblem(p: LintProblem, c = new Chalk({ level: 0 })): string {
  let where = escapeControls(shown(p.file) ?? '');
  if (p.line !== undefined) where += `:${p.line}`;
  const sev = p.severity === 'error' ? c.red('error') : c.yellow('warning');
  return `${where ? `${where}: ` : ''}${sev} [${p.rule}] ${p.path ? `${escapeControls(p.path)}: ` : ''}${escapeControls(p.message)}`;
}

export function renderLint(r: LintReport, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines = r.problems.map((p) => formatProblem(p, c));
  const counts = `${r.errors} error${r.errors === 1 ? '' : 's'}, ${r.warnings} warning${r.warnings === 1 ? '' : 's'}`;
  const checked = r.source ? `citations checked against ${shown(r.source)}` : 'citations not checked against a source document';
  lines.push(`${escapeControls(shown(r.dir) ?? '')}: ${r.policies} policies, ${r.parameters} parameters, ${checked}: ${r.errors ? c.red(counts) : c.green(counts)}`);
  return `${lines.join('\n')}\n`;
}

/** `policy-calc rules lint [DIR]`: exit 0 without errors (warnings allowed), 2 with errors. */
export async function runRulesLint(dirArg: string | undefined, raw: Record<string, unknown>): Promise<void> {
  const o = commandOptions('rules lint', raw);
  const dir = dirArg ?? DEFAULT_RULES_DIR;
  const report = lintRules(dir, { source: o.source, sourceDirs: sourceDirs(dir) });
  if (o.format === 'json') {
    const out = { ...report, dir: shown(report.dir), source: shown(report.source ?? undefined) ?? null, problems: report.problems.map((p) => ({ ...p, file: shown(p.file) })) };
    writeOut(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    writeOut(renderLint(report, colorWanted(o.color)));
  }
  exitWith(report.errors ? EXIT.usage : EXIT.ok);
}
