import { z } from 'zod';
import { evaluate, loadRules, parseProfile } from '../engine/index.js';
import { readInput, writeOut } from '../cli/io.js';
import { defaultLang, evaluationOptions, parseOptions } from '../cli/options.js';
import { renderJson } from '../render/json.js';
import { renderTable } from '../render/table.js';

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
  const rules = loadRules(o.rules);
  const result = evaluate(rules, profile, { year: o.year, asOf: o.asOf });
  if (o.format === 'json') {
    writeOut(renderJson(result));
  } else {
    const color = o.color && !process.env.NO_COLOR && process.stdout.isTTY === true;
    writeOut(renderTable(result, { lang: o.lang ?? defaultLang(), explain: o.explain, color, width: process.stdout.columns }));
  }
  return 0;
}
