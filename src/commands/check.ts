import { z } from 'zod';
import { escapeControlsDeep, evaluate, evaluateYears, parseProfile, type Profile, type RuleSet } from '../engine/index.js';
import { readInput } from '../cli/io.js';
import { writeOutput } from '../cli/output-file.js';
import { defaultLang, evaluationOptions, parseOptions } from '../cli/options.js';
import { loadRuleSet } from '../cli/rules.js';
import { renderJson } from '../render/json.js';

const checkOptions = evaluationOptions.extend({
  format: z.enum(['table', 'json']).default('table'),
  explain: z.boolean().default(false),
  color: z.boolean().default(true),
  output: z.string().min(1).optional(),
});

/** `policy-calc check <profile>`: evaluate one profile and render it. Returns the exit code. */
export async function runCheck(file: string, raw: Record<string, unknown>): Promise<number> {
  // `--year all`: every fiscal year of the profile (the engine's evaluateYears); any other value is one year.
  const allYears = raw.year === 'all';
  const o = parseOptions(checkOptions, allYears ? { ...raw, year: undefined } : raw);
  // The profile first: a bad one is refused without the cost of loading the rules.
  const { text, name } = readInput(file);
  const profile = parseProfile(text, name);
  const rules = loadRuleSet(o.rules);
  if (allYears) return checkYears(rules, profile, o);
  const result = evaluate(rules, profile, { year: o.year, asOf: o.asOf });
  if (o.format === 'json') {
    await writeOutput(o.output, renderJson(result));
  } else {
    // The table renderer (and chalk) is loaded only for a table: JSON output starts sooner.
    const { renderTable } = await import('../render/table.js');
    const color = o.color && !o.output && !process.env.NO_COLOR && (process.stdout.isTTY === true || forceColor(process.env.FORCE_COLOR));
    // Text from the profile and the rules is shown with its control characters escaped.
    await writeOutput(o.output, renderTable(escapeControlsDeep(result), { lang: o.lang ?? defaultLang(), explain: o.explain, color, width: process.stdout.columns || undefined }));
  }
  return 0;
}

/** FORCE_COLOR=1 (or any value but 0/false) asks for color even through a pipe, e.g. into `less -R`. */
function forceColor(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v !== 'false';
}

/** `check --year all`: the year-by-year table, or its JSON (README "Several years"). */
async function checkYears(rules: RuleSet, profile: Profile, o: z.infer<typeof checkOptions>): Promise<number> {
  const result = evaluateYears(rules, profile, { asOf: o.asOf });
  if (o.format === 'json') {
    await writeOutput(o.output, `${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  const { renderYearsTable } = await import('../render/years-table.js');
  const color = o.color && !o.output && !process.env.NO_COLOR && (process.stdout.isTTY === true || forceColor(process.env.FORCE_COLOR));
  await writeOutput(o.output, renderYearsTable(result, { lang: o.lang ?? defaultLang(), color, width: process.stdout.columns || undefined }));
  return 0;
}
