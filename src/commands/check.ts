import { z } from 'zod';
import { escapeControlsDeep, evaluate, parseProfile } from '../engine/index.js';
import { readInput, writeOut } from '../cli/io.js';
import { defaultLang, evaluationOptions, parseOptions } from '../cli/options.js';
import { loadRuleSet } from '../cli/rules.js';
import { renderJson } from '../render/json.js';

const checkOptions = evaluationOptions.extend({
  format: z.enum(['table', 'json']).default('table'),
  explain: z.boolean().default(false),
  color: z.boolean().default(true),
});

/** `policy-calc check <profile>`: evaluate one profile and render it. Returns the exit code. */
export async function runCheck(file: string, raw: Record<string, unknown>): Promise<number> {
  const o = parseOptions(checkOptions, raw);
  // The profile first: a bad one is refused without the cost of loading the rules.
  const { text, name } = readInput(file);
  const profile = parseProfile(text, name);
  const rules = loadRuleSet(o.rules);
  const result = evaluate(rules, profile, { year: o.year, asOf: o.asOf });
  if (o.format === 'json') {
    writeOut(renderJson(result));
  } else {
    // The table renderer (and chalk) is loaded only for a table: JSON output starts sooner.
    const { renderTable } = await import('../render/table.js');
    const color = o.color && !process.env.NO_COLOR && (process.stdout.isTTY === true || forceColor(process.env.FORCE_COLOR));
    // Text from the profile and the rules is shown with its control characters escaped.
    writeOut(renderTable(escapeControlsDeep(result), { lang: o.lang ?? defaultLang(), explain: o.explain, color, width: process.stdout.columns || undefined }));
  }
  return 0;
}

/** FORCE_COLOR=1 (or any value but 0/false) asks for color even through a pipe, e.g. into `less -R`. */
function forceColor(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v !== 'false';
}
