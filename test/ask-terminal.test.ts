import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, loadRules, parseProfile } from '../src/engine/index.js';
import { answerFor } from './software-firm.js';
import { BIN, ROOT, run } from './cli-helpers.js';

/**
 * `policy-calc init` then `policy-calc ask` on a real (pseudo) terminal, as a person would use
 * them: tmux runs the built CLI, this test reads the screen, finds the question, and presses the
 * keys the software firm's owner would (arrows and enter for choices, typing for values). Without
 * tmux (.ci/run installs it) the test is skipped and says so.
 */
const tmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
const hasTmux = tmux.status === 0;
if (!hasTmux) console.warn('ask-terminal.test.ts: tmux is not installed, so `ask` is not tested on a terminal (apt-get install tmux)');

const socket = `policy-calc-test-${process.pid}`;
const t = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => t('capture-pane', '-p', '-J', '-S', '-', '-E', '-', '-t', 'ask').stdout;
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Waits (for at most a minute on a loaded machine) until `ready` holds for the screen. */
function waitFor(ready: (s: string) => boolean, what: string): string {
  for (let i = 0; i < 600; i++) {
    const s = screen();
    if (ready(s)) return s;
    sleep(100);
  }
  throw new Error(`waited in vain for ${what}; the screen:\n${screen()}`);
}

const answered = (s: string) => s.split('\n').filter((l) => l.startsWith('✔ ')).length;
/** The question waiting for an answer: the last "? " line after the last answered one. */
function pending(s: string): { message: string; rest: string[] } | undefined {
  const lines = s.split('\n');
  let at = -1;
  lines.forEach((l, i) => {
    if (l.startsWith('? ')) at = i;
    if (l.startsWith('✔ ')) at = -1;
  });
  return at < 0 ? undefined : { message: lines[at]!.slice(2), rest: lines.slice(at + 1) };
}

describe.skipIf(!hasTmux)('ask on a terminal (tmux)', () => {
  it('init, then ask, reaches a complete profile of a small software firm in 渝北区', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-calc-tty-'));
    const file = join(dir, 'my.json');
    const init = await run(['init', '-o', file]);
    expect(init.code).toBe(0);
    const exitFile = join(dir, 'exit-code');
    const command = `cd '${dir}' && LANG=en_US.UTF-8 '${process.execPath}' '${BIN}' ask my.json --as-of 2019-06-30; echo $? > '${exitFile}'; sleep 60`;
    expect(t('new-session', '-d', '-s', 'ask', '-x', '240', '-y', '50', command).status).toBe(0);
    try {
      let done = 0;
      for (let turn = 0; turn < 120 && !existsSync(exitFile); turn++) {
        const s = waitFor((x) => existsSync(exitFile) || (answered(x) >= done && pending(x) !== undefined), 'a question');
        if (existsSync(exitFile)) break;
        const q = pending(s)!;
        const confirm = /\((y\/N|Y\/n)\)\s*$/.exec(q.message);
        const message = q.message.replace(/\s*\((y\/N|Y\/n)\)\s*$/, '').trim();
        const answer = answerFor(message);
        if (confirm) {
          t('send-keys', '-t', 'ask', answer, 'Enter');
        } else if (q.rest.some((l) => l.startsWith('❯'))) {
          const choices = q.rest.filter((l) => /^[❯ ] /.test(l)).map((l) => l.slice(2));
          const cursor = q.rest.filter((l) => /^[❯ ] /.test(l)).findIndex((l) => l.startsWith('❯'));
          let target = choices.findIndex((c) => c === answer);
          if (target < 0) target = choices.findIndex((c) => c.startsWith(answer));
          if (target < 0) throw new Error(`no choice "${answer}" in:\n${choices.join('\n')}`);
          const key = target > cursor ? 'Down' : 'Up';
          for (let i = 0; i < Math.abs(target - cursor); i++) t('send-keys', '-t', 'ask', key);
          t('send-keys', '-t', 'ask', 'Enter');
        } else {
          t('send-keys', '-t', 'ask', '-l', answer);
          t('send-keys', '-t', 'ask', 'Enter');
        }
        done = answered(s) + 1;
        waitFor((x) => existsSync(exitFile) || answered(x) >= done, `the answer to "${message}"`);
      }
      waitFor(() => existsSync(exitFile), 'the end of the interview');
      const end = screen();
      expect(readFileSync(exitFile, 'utf8').trim(), end).toBe('0');
      expect(end).toContain('Nothing left to ask.');
      expect(end).toContain('Saved to my.json.');

      const profile = parseProfile(readFileSync(file, 'utf8'), file);
      expect(profile).toMatchObject({ district: '渝北区', industry: 'cloud-bigdata', size: 'small', nationalIndustryCode: 'I6510' });
      const r = evaluate(loadRules(join(ROOT, 'rules')), profile, { asOf: '2019-06-30' });
      expect(r.totals.needsInfo).toBe(0);
      // The saved file is what `check` reads: exit 0, and no questions left under the table.
      const check = await run(['check', file, '--as-of', '2019-06-30']);
      expect(check.code).toBe(0);
      expect(check.stdout).not.toContain('The questions that would decide the most');
    } finally {
      t('kill-server');
    }
  });
});
