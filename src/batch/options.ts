import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Options that batch and diff share, validated like every other command option (src/cli/options.ts). */
export const MAX_JOBS = 64;

export const jobs = () =>
  z
    .string()
    .regex(/^\d+$/, '--jobs must be a whole number, e.g. 4')
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_JOBS, `--jobs must be between 1 and ${MAX_JOBS}`)
    .optional();

/**
 * The threads that evaluate (this one and the workers): by default one per core; as asked, but at
 * most twice the cores (and at least 4 may always be asked for, so that ordering across workers can
 * be checked on any machine). Each worker holds its own copy of the rules and its batches (about
 * 25 MB): `--jobs 64` on two cores used 1.7 GB and ran no faster. A capped request is said through
 * `warn`.
 */
export function workerCount(requested: number | undefined, cores: number = availableParallelism(), warn?: (message: string) => void): number {
  if (requested === undefined) return Math.max(1, Math.min(MAX_JOBS, cores));
  const limit = Math.min(MAX_JOBS, Math.max(4, 2 * cores));
  if (requested > limit) {
    warn?.(`--jobs ${requested} is more than this machine's ${cores} core${cores === 1 ? '' : 's'} can use; using ${limit} threads`);
    return limit;
  }
  return requested;
}

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
