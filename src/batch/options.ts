import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Options that batch and diff share, validated like every other command option (src/cli/options.ts). */
export const MAX_JOBS = 64;

export const jobs = z
  .string()
  .regex(/^\d+$/, '--jobs must be a whole number, e.g. 4')
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_JOBS, `--jobs must be between 1 and ${MAX_JOBS}`)
  .optional()
  .transform((n) => n ?? Math.min(MAX_JOBS, availableParallelism()));

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
