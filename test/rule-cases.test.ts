import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadRules, readRuleTests, runRuleTest } from '../src/engine/index.js';

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
  it('each policy has an eligible case, and cases that are not eligible', () => {
    for (const p of rules.policies) {
      const statuses = new Set(
        cases.flatMap((c) => {
          const e = c.expect[p.def.id] as { status?: string } | undefined;
          return e?.status ? [e.status] : [];
        }),
      );
      expect([...statuses].sort(), `${p.def.id} cases`).toEqual(expect.arrayContaining(['eligible']));
      expect(statuses.size, `${p.def.id} needs an eligible case and at least one other`).toBeGreaterThanOrEqual(2);
    }
  });
});
