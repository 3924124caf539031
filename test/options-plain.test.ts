import { describe, expect, it } from 'vitest';
import { commandOptions, commandSchema, parseOptions, plainOptions, type CommandName } from '../src/cli/options.js';

/** A reading's value, or the error it throws. */
const outcome = (read: () => unknown) => {
  try {
    return read();
  } catch (e) {
    return e;
  }
};
/** What zod alone gives: commandOptions must agree with it on every input. */
const viaZod = (command: CommandName, raw: unknown) => outcome(() => parseOptions(commandSchema(command), raw));
const viaCommand = (command: CommandName, raw: unknown) => outcome(() => commandOptions(command, raw));

const AS_OF = { asOf: '2019-06-30' };
const inputs: Record<string, unknown>[] = [
  { ...AS_OF },
  { ...AS_OF, format: 'json', color: true },
  { ...AS_OF, format: 'table', explain: true, lang: 'zh', rules: 'my-rules', output: 'out.txt', color: false },
  { ...AS_OF, year: '2017' },
  { ...AS_OF, year: '2000' },
  { ...AS_OF, year: '2100' },
  { ...AS_OF, year: '1999' },
  { ...AS_OF, year: '2101' },
  { ...AS_OF, year: '17' },
  { ...AS_OF, year: ' 2017' },
  { ...AS_OF, year: undefined },
  { asOf: '2019-02-29' },
  { asOf: '2020-02-29' },
  { asOf: '2019-6-30' },
  { asOf: '' },
  { ...AS_OF, format: 'xml' },
  { ...AS_OF, format: 'markdown' },
  { ...AS_OF, format: 'pdf', detail: 'full', preparedBy: '', date: '2019-07-01' },
  { ...AS_OF, detail: 'none' },
  { ...AS_OF, preparedBy: 'x'.repeat(200) },
  { ...AS_OF, preparedBy: 'x'.repeat(201) },
  { ...AS_OF, date: '2019-13-01' },
  { ...AS_OF, lang: 'fr' },
  { ...AS_OF, rules: '' },
  { ...AS_OF, output: '' },
  { ...AS_OF, explain: 'yes' },
  { ...AS_OF, color: 'no' },
  { ...AS_OF, unknown: 1 },
  { ...AS_OF, rules: 5 },
  { ...AS_OF, year: 2017 },
  { ...AS_OF, lang: ['zh'] },
  { ...AS_OF, output: null },
];

describe('options read without zod', () => {
  it('are what zod gives, and zod words what it refuses', () => {
    // batch has no plain reader: with it, only zod runs, and the comparison shows it unchanged.
    for (const command of ['check', 'report', 'rules list', 'batch'] as const) {
      for (const raw of inputs) expect(viaCommand(command, raw), `${command} ${JSON.stringify(raw)}`).toEqual(viaZod(command, raw));
      for (const raw of [null, 'check', ['json']]) expect(viaCommand(command, raw)).toEqual(viaZod(command, raw));
    }
  });

  it('are read without zod for the valid options of check, report and rules list (the fast path is taken)', () => {
    const valid: [CommandName, Record<string, unknown>][] = [
      ['check', { ...AS_OF }],
      ['check', { ...AS_OF, format: 'json', year: '2017', explain: true, lang: 'zh', rules: 'my-rules', color: false }],
      ['report', { ...AS_OF, format: 'markdown', detail: 'full', preparedBy: '某会计师事务所', date: '2019-07-01' }],
      ['rules list', { format: 'json', lang: 'en' }],
    ];
    for (const [command, raw] of valid) {
      const plain = plainOptions(command, raw);
      expect(plain, `${command} ${JSON.stringify(raw)}`).toBeDefined();
      expect(plain).toEqual(viaZod(command, raw));
    }
    // What zod must word is left to it.
    for (const raw of [{ ...AS_OF, year: 2017 }, { ...AS_OF, format: 'xml' }, { asOf: '2019-02-29' }]) expect(plainOptions('check', raw)).toBeUndefined();
  });

  it('take today in Chongqing for a missing --as-of, as the schema does', () => {
    expect(commandOptions('check', {}).asOf).toBe((viaZod('check', {}) as { asOf: string }).asOf);
  });
});
