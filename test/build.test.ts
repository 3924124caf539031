import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli-helpers.js';
import { FIXTURES } from './batch-helpers.js';

/**
 * The build bundles the CLI and precompiles the shipped rules for a faster start. Neither may
 * change a byte of output: the bundle with precompiled rules must print what the plain tsc output
 * prints when it reads the YAML.
 */
describe('bundle and precompiled rules', () => {
  it('print byte-identical JSON to the unbundled CLI reading YAML', () => {
    for (const f of FIXTURES) {
      const args = ['check', join('fixtures', `${f}.json`), '--format', 'json', '--as-of', '2019-06-30'];
      const fast = cli(args);
      const plain = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, POLICY_CALC_PRECOMPILED: '0' },
      });
      expect(fast.code).toBe(0);
      expect(plain.status).toBe(0);
      expect(fast.stdout === plain.stdout).toBe(true);
    }
  });
});
