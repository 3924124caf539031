import { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_OPTIONS, OPTIONS, type OptionEntry } from '../src/cli/options.js';
import { run } from './cli-helpers.js';

/**
 * The option table (src/cli/options.ts) is the one place an option is declared: each command's
 * help lists exactly its options of the table, with the table's help text, and options that share
 * a flag share their words unless they mean something else.
 */
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the option table', () => {
  for (const [command, keys] of Object.entries(COMMAND_OPTIONS)) {
    it(`${command} --help lists its options of the table, in order, with their help`, async () => {
      const r = await run([...command.split(' '), '--help']);
      expect(r.code).toBe(0);
      const help = flat(r.stdout);
      const entries: OptionEntry[] = keys.map((k) => OPTIONS[k]);
      const at = entries.map((e) => help.indexOf(`${e.flags} `));
      for (const [i, e] of entries.entries()) {
        expect(at[i], e.flags).toBeGreaterThan(-1);
        expect(help, e.flags).toContain(flat(e.help));
      }
      expect(at).toEqual([...at].sort((a, b) => a - b));
      // Nothing but the table's options and commander's own -h.
      const listed = [...r.stdout.matchAll(/^ {2}(-\w, )?(--[\w-]+)/gm)].map((m) => m[2]);
      expect(listed).toEqual([...entries.map((e) => /--[\w-]+/.exec(e.flags)![0]), '--help']);
    });
  }

  it('validates each option under the name commander gives its value', () => {
    for (const e of Object.values(OPTIONS as Record<string, OptionEntry>)) expect(new Option(e.flags).attributeName(), e.flags).toBe(e.name);
  });

  it('gives the shared options one wording wherever their meaning is the same', () => {
    const wordings = (flag: string) => new Set(Object.values(OPTIONS as Record<string, OptionEntry>).filter((e) => e.flags.includes(flag)).map((e) => e.help));
    for (const flag of ['--lang', '--as-of', '--no-color', '--jobs', '--force']) expect(wordings(flag).size, flag).toBe(1);
  });
});
