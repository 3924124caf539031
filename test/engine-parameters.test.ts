import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLY_TO_READER, ENGINE_PARAMETERS, ENGINE_PARAMETER_SHAPES, FACTS, loadRules } from '../src/engine/index.js';
import { ROOT } from './cli-helpers.js';

/**
 * `rules lint` counts a parameter as used when a rule reads it or when it is in ENGINE_PARAMETERS.
 * These tests keep that list honest: the engine reads parameters only through its named constants,
 * each listed parameter exists in the shipped rules, and each names facts that exist.
 */
const engineDir = join(ROOT, 'src', 'engine');
const sources = readdirSync(engineDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ f, text: readFileSync(join(engineDir, f), 'utf8') }));

describe('parameters the engine reads itself', () => {
  it('are never named by a string literal in a read, so that every read goes through ENGINE_PARAMETERS', () => {
    expect(sources.map(({ f }) => f)).toContain(join('facts', 'facts.ts'));
    const literalReads = sources.flatMap(({ f, text }) =>
      [...text.matchAll(/\b(?:param\(\s*scope\s*,|params\.at\()\s*(['"`][^'"`]+['"`])/g)].map((m) => `${f}: ${m[1]}`),
    );
    expect(literalReads).toEqual([]);
  });

  it('are read by derived facts through constants whose values ENGINE_PARAMETERS lists', () => {
    const constants = new Map(sources.flatMap(({ text }) => [...text.matchAll(/const ([A-Z_]+) = '([^']+)'/g)].map((m): [string, string] => [m[1]!, m[2]!])));
    const reads = sources.flatMap(({ text }) => [...text.matchAll(/\bparam\(\s*scope\s*,\s*([A-Za-z_]\w*)/g)].map((m) => m[1]!));
    expect(reads.length).toBeGreaterThan(0);
    for (const id of reads) {
      expect(constants.has(id), `${id} is a string constant`).toBe(true);
      expect(Object.keys(ENGINE_PARAMETERS), `${id} = ${constants.get(id)}`).toContain(constants.get(id));
    }
  });

  it('exist in the shipped rules, and name facts of the registry', () => {
    const rules = loadRules(join(ROOT, 'rules'));
    for (const [name, facts] of Object.entries(ENGINE_PARAMETERS)) {
      expect(rules.params.has(name), name).toBe(true);
      for (const fact of facts) expect([...Object.keys(FACTS), APPLY_TO_READER], `${name} is read by ${fact}`).toContain(fact);
    }
  });

  it('each have a shape checked at load, and only they do', () => {
    expect(Object.keys(ENGINE_PARAMETER_SHAPES).sort()).toEqual(Object.keys(ENGINE_PARAMETERS).sort());
  });
});
