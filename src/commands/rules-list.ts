import { compileRuleSet, escapeControlsDeep } from '../engine/index.js';
import { loadRuleSource } from '../cli/rules.js';
import { writeOut } from '../cli/io.js';
import { commandOptions, defaultLang } from '../cli/options.js';
import { shownPath } from '../cli/paths.js';
import { renderPolicyList, type PolicyRow } from '../render/rule-text.js';

/** `policy-calc rules list`: the policies of a rule set, in article order. */
export async function runRulesList(raw: Record<string, unknown>): Promise<void> {
  const o = commandOptions('rules list', raw);
  const source = loadRuleSource(o.rules);
  const rules = compileRuleSet(source);
  const fileOf = new Map(source.policies.map((p) => [p.def.id, p.file]));
  const rows: PolicyRow[] = rules.policies.map((p) => ({
    id: p.def.id,
    article: p.def.article,
    title: p.def.title,
    nature: p.def.nature,
    quantified: p.quantified,
    file: shownPath(fileOf.get(p.def.id)!),
  }));
  writeOut(o.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : renderPolicyList(escapeControlsDeep(rows), o.lang ?? defaultLang()));
}
