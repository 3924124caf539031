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

export function inquirerPrompter(out: NodeJS.WriteStream = process.stdout): Prompter {
  return {
    select: <T>(message: string, choices: Choice<T>[]) => guard(select<T>({ message, choices, pageSize: 16, loop: false })),
    input: (message, validate) => guard(input({ message, validate })),
    checkbox: <T>(message: string, choices: Choice<T>[]) => guard(checkbox<T>({ message, choices, pageSize: 12, loop: false })),
    confirm: (message, defaultValue) => guard(confirm({ message, default: defaultValue })),
    say: (text) => void out.write(`${text}\n`),
  };
}
