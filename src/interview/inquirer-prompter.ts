import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { Interrupted, type Choice, type Prompter } from './interview.js';

/**
 * The interview on a terminal, through @inquirer/prompts: arrow keys and enter for choices,
 * typed answers checked as they are submitted. Ctrl-C ends a prompt with ExitPromptError, which
 * becomes Interrupted for the interview to handle (it asks whether to save).
 */
async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if ((e as Error)?.name === 'ExitPromptError') throw new Interrupted();
    throw e;
  }
}

/** The key help under a list, in the interview's language. */
const KEY_WORDS: Record<string, string> = { navigate: '移动', select: '选择', submit: '确认', all: '全选', invert: '反选' };

export function inquirerPrompter(lang: 'zh' | 'en', out: NodeJS.WriteStream = process.stdout): Prompter {
  const theme =
    lang === 'zh'
      ? { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([k, action]) => `${k} ${KEY_WORDS[action] ?? action}`).join(' · ') } }
      : undefined;
  const yesNo = lang === 'zh' ? (v: boolean) => (v ? '是' : '否') : undefined;
  return {
    select: <T>(message: string, choices: Choice<T>[]) => guard(select<T>({ message, choices, pageSize: 16, loop: false, theme })),
    input: (message, validate) => guard(input({ message, validate })),
    checkbox: <T>(message: string, choices: Choice<T>[]) => guard(checkbox<T>({ message, choices, pageSize: 12, loop: false, theme })),
    confirm: (message, defaultValue) => guard(confirm({ message, default: defaultValue, ...(yesNo ? { transformer: yesNo } : {}) })),
    say: (text) => void out.write(`${text}\n`),
  };
}
