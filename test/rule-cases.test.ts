import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { anyoneQualifies, loadRules, readRuleTests, runRuleTest } from '../src/engine/index.js';

/** Every YAML case under rules/tests runs as a test of its own. */
const rulesDir = fileURLToPath(new URL('../rules', import.meta.url));
const rules = loadRules(rulesDir);
const cases = readRuleTests(`${rulesDir}/tests`);
const byFile = new Map<string, typeof cases>();
for (const c of cases) {
  const file = c.file.split('/').pop()!;
  byFile.set(file, [...(byFile.get(file) ?? []), c]);
}

for (const [file, list] of byFile) {
  describe(`rules/tests/${file}`, () => {
    for (const c of list) {
      it(c.name, () => {
        const r = runRuleTest(rules, c);
        expect(r.error).toBeUndefined();
        expect(r.failures).toEqual([]);
      });
    }
  });
}

describe('rule cases cover every policy', () => {
  it('each policy has eligible, ineligible and needs-info cases, or shows why anyone qualifies', () => {
    for (const p of rules.policies) {
      const expected = cases.flatMap((c) => {
        const e = c.expect[p.def.id] as { status?: string } | undefined;
        return e?.status ? [e.status] : [];
      });
      if (anyoneQualifies(p.def.eligibility)) {
        // P03, P04: no profile can fail them, so three eligible cases show why (minimal, sparse, negative).
        expect(expected.filter((s) => s === 'eligible').length, `${p.def.id}: anyone qualifies; show it with three cases`).toBeGreaterThanOrEqual(3);
      } else {
        expect([...new Set(expected)].sort(), `${p.def.id} cases`).toEqual(['eligible', 'ineligible', 'needs-info']);
      }
    }
  });

  it('anyone qualifies only where the rule asks for a required fact', () => {
    const universal = rules.policies.filter((p) => anyoneQualifies(p.def.eligibility)).map((p) => p.def.id);
    expect(universal).toEqual(['P03', 'P04']);
    expect(anyoneQualifies({ fact: 'registrationDate', op: 'exists' })).toBe(true);
    expect(anyoneQualifies({ fact: 'district', op: 'exists' })).toBe(false);
    expect(anyoneQualifies({ not: { fact: 'registrationDate', op: 'exists' } })).toBe(false);
    expect(anyoneQualifies({ all: [{ fact: 'name', op: 'exists' }, { fact: 'industry', op: 'exists' }] })).toBe(false);
    expect(anyoneQualifies({ any: [{ fact: 'name', op: 'exists' }, { fact: 'industry', op: 'exists' }] })).toBe(true);
  });
});
