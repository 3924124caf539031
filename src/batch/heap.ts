import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * A batch makes short-lived garbage at a steady rate (parsed profiles, outcomes), and V8 answers by
 * growing the young generation of the thread that makes it up to 32 MiB, which a million profiles
 * keep resident to the end. At V8's initial 1 MiB semi-space it is collected every 1 MiB
 * allocated, about ten profiles: with one job, a fifth of the CPU went to those collections, each
 * paying a fixed cost for a heap where almost nothing survives. At 4 MiB they take about a tenth.
 * V8 has no run-time setting for the size itself, only for the growth factor, read each time the
 * young generation would grow: it is set so that the next growth reaches the size asked, and to 1
 * once it has (checked after each batch, and again should V8 shrink the space). The flag is the
 * whole process's, and `batch` is all the process does. This thread evaluates with any number of
 * jobs (src/batch/pool.ts); workers are bounded by their resourceLimits instead.
 */
const MIB = 1024 * 1024;
let target = 1;

/** The semi-space now: half the new space. */
const semiSpace = () => (getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 2 * MIB) / 2;

export function keepYoungGenerationSmall(semiSpaceMiB = 4): void {
  target = semiSpaceMiB;
  settleYoungGeneration();
}

/** The growth factor that takes the young generation to its size and no further. */
export function settleYoungGeneration(): void {
  const now = Math.max(semiSpace(), MIB / 4);
  const factor = now >= target * MIB ? 1 : Math.ceil((target * MIB) / now);
  setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}

/**
 * Once workers start, each thread's young-generation collections run on its own thread. V8
 * otherwise splits each one into tasks for its helper threads, which pays when a core is idle
 * (one job keeps about 1.2 cores busy, much of the rest being such help) but not when every core
 * is already evaluating: the threads then wait on each other's collections. On the bench's 20,000
 * profiles with two jobs: about 7% less CPU and wall time (medians of five runs, with two
 * workers); with this thread and one worker, 0-7% less CPU in three runs.
 */
export function scavengeInOwnThread(): void {
  setFlagsFromString('--no-parallel-scavenge');
}
