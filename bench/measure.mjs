// Timing of spawned commands for bench/run.mjs: wall time, and with /usr/bin/time the CPU time
// (user + sys) and peak RSS.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Wall time of a command, output to /dev/null; with /usr/bin/time also its CPU time (user + sys) and peak RSS. */
export function run(root, args, env = {}) {
  const t = performance.now();
  const cmd = TIME ? [TIME, ['-f', '@@cpu %U %S %M', process.execPath, ...args]] : [process.execPath, args];
  const r = spawnSync(cmd[0], cmd[1], { stdio: ['ignore', 'ignore', 'pipe'], cwd: root, env: { ...process.env, CI: '1', ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /@@cpu ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  return { ms, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, rssMiB: m ? Number(m[3]) / 1024 : undefined };
}
export const wall = (root, args, env) => run(root, args, env).ms;

/** Two commands at once: the wall time until both have ended, and their CPU time together. */
export async function runTogether(root, a, b) {
  const one = (args) => new Promise((resolve, reject) => {
    const cmd = TIME ? [TIME, ['-f', '@@cpu %U %S %M', process.execPath, ...args]] : [process.execPath, args];
    const child = spawn(cmd[0], cmd[1], { stdio: ['ignore', 'ignore', 'pipe'], cwd: root, env: { ...process.env, CI: '1' } });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4096);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) return reject(new Error(`${args.join(' ')} failed (${code}): ${stderr}`));
      const m = /@@cpu ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
      resolve(m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined);
    });
  });
  const t = performance.now();
  const [ca, cb] = await Promise.all([one(a), one(b)]);
  return { ms: performance.now() - t, cpuMs: ca !== undefined && cb !== undefined ? ca + cb : undefined };
}
/** The fastest of some runs (the one least disturbed by anything else on the machine); the highest peak RSS of them. */
export function fastest(all) {
  const best = all.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...best, rssMiB: Math.max(...all.map((r) => r.rssMiB ?? 0)) || undefined };
}
