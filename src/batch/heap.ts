import { setFlagsFromString } from 'node:v8';

/**
 * A batch makes short-lived garbage at a steady rate (parsed profiles, outcomes, lines), and V8
 * answers by growing the young generation of the thread that makes it up to 32 MiB, which a
 * million profiles keep resident to the end. Kept at its initial size it is only collected more
 * often, at little cost (almost nothing in it survives). A flag read each time the young
 * generation would grow, so it can be set once the process has started; it is the whole
 * process's, and `batch` is all the process does. Workers are bounded by their resourceLimits.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}
