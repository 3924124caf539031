import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachProfile } from '../src/batch/worker.js';
import type { Profile } from '../src/engine/index.js';
import { ROOT } from './cli-helpers.js';
import { batchOf } from './batch-helpers.js';

/**
 * forEachProfile reads a few records, has them evaluated together, then hands each on: whatever
 * the stage boundaries, every record comes out once, in input order, with its own result, and a
 * failure of the evaluation (a bug) names the input it happened on.
 */
const valid = readFileSync(join(ROOT, 'fixtures/cloud-sme.json'), 'utf8').replace(/\s*\n\s*/g, ' ');

/** A record that is not JSON. */
const BROKEN = '{"name": ';

/** Records named by their line: valid profiles called "企业<line>", broken JSON and unreadable lines between. */
function mixed(n: number): (string | null)[] {
  return Array.from({ length: n }, (_, i) => (i % 7 === 3 ? BROKEN : i % 11 === 5 ? null : valid.replace(/"name": "[^"]*"/, `"name": "企业${i + 1}"`)));
}

describe('the batch read in stages', () => {
  it('hands on every record once, in input order, each valid one with its own result', () => {
    for (const n of [0, 1, 7, 8, 9, 16, 17, 130]) {
      const seen: string[] = [];
      const groups: number[] = [];
      forEachProfile<string>(
        batchOf(mixed(n)),
        (input, profile, result) => {
          expect(result).toBe(`result of ${profile.name}`);
          seen.push(`${input.line}:${profile.name}`);
        },
        (input, error) => seen.push(`${input.line}:${error.code}`),
        (profiles: Profile[]) => {
          groups.push(profiles.length);
          return profiles.map((p) => `result of ${p.name}`);
        },
      );
      const expected = mixed(n).map((r, i) => `${i + 1}:${r === null || r === BROKEN ? 'INPUT_JSON' : `企业${i + 1}`}`);
      expect(seen).toEqual(expected);
      // Several profiles are evaluated together, never more than a stage holds, all of them once.
      expect(groups.reduce((a, b) => a + b, 0)).toBe(expected.filter((e) => e.includes('企业')).length);
      expect(Math.max(0, ...groups)).toBeLessThanOrEqual(8);
      if (n >= 16) expect(Math.max(...groups)).toBeGreaterThan(1);
    }
  });

  it('names the input whose evaluation failed, though its stage was evaluated together', () => {
    const bug = new Error('a bug in a rule closure');
    let thrown: unknown;
    try {
      forEachProfile<number>(
        batchOf(mixed(20)),
        () => {},
        () => {},
        (profiles) => {
          if (profiles.some((p) => p.name === '企业13')) throw bug;
          return profiles.map(() => 1);
        },
      );
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBe(bug);
    expect(String((thrown as Error).stack)).toMatch(/while evaluating register\.ndjson:13\b/);
  });
});
