import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runAsk } from '../src/commands/ask.js';
import { runInit } from '../src/commands/init.js';
import { evaluate, loadRules, parseProfile } from '../src/engine/index.js';
import { Interrupted, type Choice, type Prompter } from '../src/interview/interview.js';
import { answerFor } from './software-firm.js';
import { ROOT } from './cli-helpers.js';

const rules = loadRules(join(ROOT, 'rules'));

/** A Prompter that answers as the software firm, and records what it was asked and told. */
function scripted(answer: (message: string) => string = answerFor, opts: { interruptAt?: RegExp; secondInterrupt?: boolean } = {}) {
  const asked: string[] = [];
  const said: string[] = [];
  let interrupted = false;
  const maybeInterrupt = (message: string) => {
    if (opts.interruptAt?.test(message) && !interrupted) {
      interrupted = true;
      throw new Interrupted();
    }
  };
  const p: Prompter = {
    async select<T>(message: string, choices: Choice<T>[]) {
      asked.push(message);
      maybeInterrupt(message);
      const a = answer(message);
      const c = choices.find((x) => x.name === a) ?? choices.find((x) => x.name.startsWith(a));
      if (!c) throw new Error(`no choice "${a}" for ${message}: ${choices.map((x) => x.name).join(' | ')}`);
      return c.value;
    },
    async input(message, validate) {
      asked.push(message);
      maybeInterrupt(message);
      const a = answer(message);
      const ok = validate(a);
      if (ok !== true) throw new Error(`"${a}" refused for ${message}: ${ok}`);
      return a;
    },
    async checkbox() {
      throw new Error('not expected');
    },
    async confirm(message) {
      asked.push(message);
      if (opts.secondInterrupt && interrupted) throw new Interrupted();
      if (/^Interrupted/.test(message)) return true;
      return answer(message) === 'y';
    },
    say: (t) => void said.push(t),
  };
  return { p, asked, said };
}

const dir = () => mkdtempSync(join(tmpdir(), 'policy-calc-ask-'));
const opts = { asOf: '2019-06-30', lang: 'en' };

describe('ask: the interview', () => {
  it('takes a fresh `init` file to a complete profile of a small software firm in 渝北区', async () => {
    const d = dir();
    const file = join(d, 'my.json');
    const err = process.stderr.write;
    process.stderr.write = () => true;
    try {
      await runInit({ output: file, lang: 'en' });
    } finally {
      process.stderr.write = err;
    }
    const { p, asked, said } = scripted();
    await expect(runAsk(file, opts, p)).resolves.toBeUndefined();

    const saved = readFileSync(file, 'utf8');
    const profile = parseProfile(saved, file);
    expect(profile).toMatchObject({ name: '重庆渝北云软件有限公司', district: '渝北区', industry: 'cloud-bigdata', size: 'small' });
    // The editor finds the schema from where the file is.
    expect(readFileSync(resolve(d, JSON.parse(saved).$schema), 'utf8')).toBe(readFileSync(join(ROOT, 'schema', 'profile.schema.json'), 'utf8'));
    const r = evaluate(rules, profile, { asOf: '2019-06-30' });
    expect(r.totals.needsInfo).toBe(0);
    // Article 9: 400,000.00 taxable income × (25% − 15%) = 40,000.00 (main business 3.0 of 3.2 million: 93.75% ≥ 70%).
    expect(r.benefits.find((b) => b.id === 'P09')).toMatchObject({ status: 'eligible', amount: '40000.00' });
    // Article 10: 20,000.00 income tax paid on 2017-07-15, inside the two years from 2017-03-15, × 40% local share = 8,000.00.
    expect(r.benefits.find((b) => b.id === 'P10')).toMatchObject({ status: 'eligible', amount: '8000.00' });

    // After the name, date and district, the first question is the industry: 17 open policies wait for it.
    expect(asked[3]).toMatch(/^Which of the ten strategic emerging service industries/);
    expect(said.join('\n')).toContain('(this decides 17 policies: P05, P06');
    // Each answer says what it changed.
    expect(said.join('\n')).toMatch(/P05 Priority for central government funds: \? needs info → ✔ eligible/);
    expect(said.at(-2)).toMatch(/^Nothing left to ask\. \d+ eligible, 0 open/);
    // No fact is asked twice.
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('refuses money and dates that are not exact, in the validator’s words', async () => {
    let tries = 0;
    const { p } = scripted((m) => {
      return answerFor(m);
    });
    const input = p.input;
    p.input = async (message, validate) => {
      if (message.startsWith('On what date was the enterprise registered')) {
        tries++;
        expect(validate('2017-02-30')).toMatch(/2017-02-30/);
        expect(validate('1,000')).not.toBe(true);
        expect(validate('2017-03-15')).toBe(true);
        return '2017-03-15';
      }
      if (message.startsWith('What was the revenue in 2018')) {
        expect(validate('3,200,000')).toMatch(/comma/);
        expect(validate('3.2e6')).not.toBe(true);
        expect(validate('-5')).toMatch(/negative/);
      }
      return input(message, validate);
    };
    const file = join(dir(), 'new.json');
    await expect(runAsk(file, opts, p)).resolves.toBeUndefined();
    expect(tries).toBe(1);
    expect(existsSync(file)).toBe(true);
  });

  it('"don\'t know" leaves the fact out and never asks it again', async () => {
    const { p, asked } = scripted((m) => (/^Is the main business listed in the Western Region/.test(m) ? "Don't know (skip)" : answerFor(m)));
    const file = join(dir(), 'c.json');
    await expect(runAsk(file, opts, p)).resolves.toBeUndefined();
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    expect(profile).not.toHaveProperty('encouragedCatalog');
    expect(asked.filter((m) => m.startsWith('Is the main business listed in the Western Region'))).toHaveLength(1);
    const r = evaluate(rules, parseProfile(readFileSync(file, 'utf8')), { asOf: '2019-06-30' });
    expect(r.benefits.find((b) => b.id === 'P09')).toMatchObject({ status: 'needs-info', missing: ['encouragedCatalog'] });
  });

  it('"stop and save" saves what was answered, as a valid profile', async () => {
    const { p } = scripted((m) => (/^Which of the ten/.test(m) ? 'Stop and save' : answerFor(m)));
    const file = join(dir(), 's.json');
    await expect(runAsk(file, opts, p)).resolves.toBeUndefined();
    const profile = parseProfile(readFileSync(file, 'utf8'));
    expect(profile.industry).toBeUndefined();
    expect(profile.district).toBe('渝北区');
  });

  it('Ctrl-C asks whether to save; a second Ctrl-C saves nothing (exit 130)', async () => {
    const keep = scripted(answerFor, { interruptAt: /^What was the revenue in 2018/ });
    const f1 = join(dir(), 'k.json');
    await expect(runAsk(f1, opts, keep.p)).resolves.toBeUndefined();
    expect(keep.asked.at(-1)).toMatch(/^Interrupted\. Save the answers given so far\?/);
    expect(parseProfile(readFileSync(f1, 'utf8')).industry).toBe('cloud-bigdata');

    const drop = scripted(answerFor, { interruptAt: /^What was the revenue in 2018/, secondInterrupt: true });
    const f2 = join(dir(), 'd.json');
    await expect(runAsk(f2, opts, drop.p)).rejects.toMatchObject({ exitCode: 130 });
    expect(existsSync(f2)).toBe(false);
  });

  it('Ctrl-C halfway through a tax payment drops that payment, so the saved file stays valid', async () => {
    const { p } = scripted();
    const input = p.input;
    p.input = async (message, validate) => {
      if (message.startsWith('What was the amount of tax payment 1')) throw new Interrupted();
      return input(message, validate);
    };
    const file = join(dir(), 't.json');
    await expect(runAsk(file, opts, p)).resolves.toBeUndefined();
    const saved = parseProfile(readFileSync(file, 'utf8'));
    expect(saved.taxPayments).toEqual([]);
  });

  it('refuses a starting file with other problems than the placeholders, before asking anything', async () => {
    const file = join(dir(), 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'x', registrationDate: '2017-03-15', industry: 'cloud' }));
    const { p, asked } = scripted();
    await expect(runAsk(file, opts, p)).rejects.toMatchObject({ code: 'PROFILE_INVALID' });
    expect(asked).toEqual([]);
  });

  it('in Chinese: questions, choices, refusals and changes in words, without field names or codes', async () => {
    const shown: string[] = [];
    const p: Prompter = {
      async select<T>(message: string, choices: Choice<T>[]) {
        shown.push(message, ...choices.map((c) => c.name));
        if (message.startsWith('企业主营业务')) return choices.find((c) => c.name === '互联网云计算大数据')!.value;
        return choices.find((c) => c.name === '停止并保存')!.value;
      },
      async input(message, validate) {
        shown.push(message);
        if (message.startsWith('企业注册在重庆市哪个区县')) {
          const refusal = validate('渝北');
          expect(refusal).toBe('这不是重庆市区县的名称（是否指“渝北区”？）；重庆以外的企业请连同省、市一起填写。');
          return '渝北区';
        }
        if (message.startsWith('企业的登记注册日期')) {
          expect(validate('2017-02-30')).toBe('请按 YYYY-MM-DD 填写一个真实存在的日期，如 2017-03-15。');
          return '2017-03-15';
        }
        return '某软件公司';
      },
      checkbox: async () => [],
      confirm: async () => false,
      say: (t) => void shown.push(t),
    };
    const file = join(dir(), 'zh.json');
    await expect(runAsk(file, { ...opts, lang: 'zh' }, p)).resolves.toBeUndefined();
    const text = shown.join('\n');
    expect(text).toContain('P05 中央资金优先支持：? 需补充信息 → ✔ 符合');
    expect(text).toContain('（此问题涉及 17 项政策：P05、P06');
    // Latin letters only in ids (P05), the date format, the key Ctrl-C and the command and file it names.
    const latin = text.replace(/P\d\d|YYYY-MM-DD|Ctrl-C|policy-calc check|zh\.json|[\w/.-]*zh\.json|--explain/g, '').match(/[A-Za-z]{2,}/g);
    expect(latin).toBeNull();
  });
});
