import { escapeControlsDeep, evaluate, evaluateYears, parseProfile, type Profile, type RuleSet } from '../engine/index.js';
import { colorWanted } from '../cli/color.js';
import { readInput } from '../cli/io.js';
import { writeOutput } from '../cli/output-file.js';
import { commandOptions, defaultLang } from '../cli/options.js';
import { loadRuleSet } from '../cli/rules.js';
import { renderJson } from '../render/json.js';

type CheckOptions = ReturnType<typeof commandOptions<'check'>>;

/** `policy-calc check <profile>`: evaluate one profile and render it. */
export async function runCheck(file: string, raw: Record<string, unknown>): Promise<void> {
  // `--year all`: every fiscal year of the profile (the engine's evaluateYears); any other value is one year.
  const allYears = raw.year === 'all';
  const o = commandOptions('check', allYears ? { ...raw, year: undefined } : raw);
  // The profile first: a bad one is refused without the cost of loading the rules.
  const { text, name } = readInput(file);
  const profile = parseProfile(text, name);
  const rules = loadRuleSet(o.rules);
  if (allYears) return checkYears(rules, profile, o);
  const result = evaluate(rules, profile, { year: o.year, asOf: o.asOf });
  if (o.format === 'json') return writeOutput(o.output, renderJson(result));
  // The table renderer (and chalk) is loaded only for a table: JSON output starts sooner.
  const { renderTable } = await import('../render/table.js');
  const color = colorWanted(o.color, { toFile: o.output !== undefined });
  // Text from the profile and the rules is shown with its control characters escaped.
  await writeOutput(o.output, renderTable(escapeControlsDeep(result), { lang: o.lang ?? defaultLang(), explain: o.explain, color, width: process.stdout.columns || undefined }));
}

/** `check --year all`: the year-by-year table, or its JSON (README "Several years"). */
async function checkYears(rules: RuleSet, profile: Profile, o: CheckOptions): Promise<void> {
  const result = evaluateYears(rules, profile, { asOf: o.asOf });
  if (o.format === 'json') return writeOutput(o.output, `${JSON.stringify(result, null, 2)}\n`);
  const { renderYearsTable } = await import('../render/years-table.js');
  const color = colorWanted(o.color, { toFile: o.output !== undefined });
  await writeOutput(o.output, renderYearsTable(result, { lang: o.lang ?? defaultLang(), color, width: process.stdout.columns || undefined }));
}
