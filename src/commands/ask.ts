import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PolicyCalcError, readProfileJson } from '../engine/index.js';
import { readInput } from '../cli/io.js';
import { EXIT, ExitError } from '../cli/exit.js';
import { commandOptions, defaultLang } from '../cli/options.js';
import { loadRuleSet } from '../cli/rules.js';
import { writeFileAtomic } from '../cli/write-file.js';
import { asProfile, draftText, type Draft } from '../interview/draft.js';
import { interview, type Prompter } from '../interview/interview.js';
import { schemaRef } from './init.js';

/** The answers are asked again when missing or still init's placeholders; nothing else may be wrong. */
const ASKED_FIRST = new Set(['name', 'registrationDate']);

const SAID = {
  saved: { zh: '已保存到 {file}。运行 policy-calc check {file} 查看结果。', en: 'Saved to {file}. Run `policy-calc check {file}` to see the result.' },
  notSaved: { zh: '未保存任何内容。', en: 'Nothing was saved.' },
  invalid: { zh: '未保存：还缺企业名称或登记注册日期，文件将无法使用。', en: 'Nothing was saved: without the name and the registration date the file would not be a valid profile.' },
} as const;

/**
 * `policy-calc ask [file] [-o file]`: fill in a profile by answering questions, most decisive
 * first. Exit 0 when the profile was saved (complete or stopped), 130 when Ctrl-C ended it and
 * nothing was saved, 2 without a terminal or for an invalid starting file.
 */
export async function runAsk(file: string | undefined, raw: Record<string, unknown>, prompter?: Prompter): Promise<void> {
  const o = commandOptions('ask', raw);
  const lang = o.lang ?? defaultLang();
  if (!prompter && !(process.stdin.isTTY && process.stdout.isTTY)) {
    throw new PolicyCalcError('USAGE', [
      { message: 'ask puts its questions on a terminal, and there is none here; run it in a terminal, or write the profile by hand (policy-calc init, docs/profile.md)' },
    ]);
  }
  const out = o.output ?? file ?? 'company.json';
  const updating = file !== undefined && existsSync(file) && resolve(out) === resolve(file);
  if (!updating && !o.force && existsSync(out)) {
    throw new PolicyCalcError('USAGE', [{ file: out, message: 'already exists; give --force to replace it, or another name with -o' }]);
  }
  let draft: Draft = { $schema: schemaRef(dirname(out)) };
  if (file !== undefined && existsSync(file)) {
    const { text, name } = readInput(file);
    const value = readProfileJson(text, name);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new PolicyCalcError('PROFILE_INVALID', [{ file: name, message: 'expected one JSON object describing an enterprise' }]);
    }
    draft = value as Draft;
    const r = asProfile(draft);
    const blocking = 'issues' in r ? r.issues.filter((i) => !ASKED_FIRST.has(i.path ?? '')) : [];
    if (blocking.length) throw new PolicyCalcError('PROFILE_INVALID', blocking.map((i) => ({ ...i, file: name })));
  }
  const rules = loadRuleSet(o.rules);
  const p = prompter ?? (await import('../interview/inquirer-prompter.js')).inquirerPrompter(lang);
  const outcome = await interview(draft, p, { rules, asOf: o.asOf, year: o.year, lang });
  if (!outcome.save) {
    p.say(SAID.notSaved[lang]);
    throw new ExitError(EXIT.interrupted);
  }
  if ('issues' in asProfile(outcome.draft)) {
    p.say(SAID.invalid[lang]);
    if (outcome.end === 'interrupted') throw new ExitError(EXIT.interrupted);
    return;
  }
  writeFileAtomic(out, draftText(outcome.draft), { force: updating || o.force });
  p.say(SAID.saved[lang].replaceAll('{file}', out));
}
