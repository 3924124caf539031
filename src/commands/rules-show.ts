import { compileRuleSet, display, escapeControls, escapeControlsDeep, type Parameter, parameterRefs, PolicyCalcError } from '../engine/index.js';
import { loadRuleSource } from '../cli/rules.js';
import { writeOut } from '../cli/io.js';
import { commandOptions, defaultLang } from '../cli/options.js';
import { shownPath } from '../cli/paths.js';
import { renderPolicy } from '../render/rule-text.js';

/** "P12", "p12" and "12" all name article 12's policy. */
export function policyId(arg: string): string | undefined {
  const m = /^p?(\d{1,2})$/i.exec(arg.trim());
  return m ? `P${m[1]!.padStart(2, '0')}` : undefined;
}

/** A parameter's values for JSON: decimals as exact text, tables as they are written. */
function parameterJson(p: Parameter) {
  return {
    name: p.name,
    unit: p.unit,
    description: p.description,
    values: p.values.map((v) => ({
      since: v.since,
      value: p.unit === 'table' || v.value === null ? v.value : display(v.value),
      source: v.source,
      ...(v.note ? { note: v.note } : {}),
    })),
  };
}

/** `policy-calc rules show P12`: one policy in words, with its parameters and citation. */
export async function runRulesShow(arg: string, raw: Record<string, unknown>): Promise<void> {
  const o = commandOptions('rules show', raw);
  const source = loadRuleSource(o.rules);
  const rules = compileRuleSet(source);
  const id = policyId(arg);
  const entry = source.policies.find((p) => p.def.id === id);
  if (!entry) {
    const known = rules.policies.map((p) => p.def.id).join(', ');
    throw new PolicyCalcError('USAGE', [{ message: `no policy "${arg}" in ${shownPath(source.dir)}; it has ${known}` }]);
  }
  const compiled = rules.policies.find((p) => p.def.id === id)!;
  const names = [...new Set(parameterRefs(entry.def, entry.file).map((r) => r.param))];
  const parameters = names.map((n) => rules.params.get(n)).filter((p): p is Parameter => p !== undefined);
  const file = shownPath(entry.file);
  if (o.format === 'json') {
    writeOut(`${JSON.stringify({ id: entry.def.id, file, quantified: compiled.quantified, policy: entry.def, parameters: parameters.map(parameterJson) }, null, 2)}\n`);
  } else {
    // Rule text is shown with its control characters escaped: a rule directory is input too.
    writeOut(renderPolicy(escapeControlsDeep(entry.def), { quantified: compiled.quantified, file: escapeControls(file), parameters: escapeControlsDeep(parameters), lang: o.lang ?? defaultLang() }));
  }
}
