import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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

type Gc = (options: { type: 'minor' }) => void;
let minorGc: Gc | undefined;

/**
 * With workers, the main thread allocates almost nothing on its JS heap but moves megabytes
 * through buffers (input read, batches, their copies, outputs): their memory is freed only when
 * the small objects holding them are collected, which a heap that hardly grows seldom does, and
 * V8 lets up to 64 MiB of such garbage wait. A young-generation collection per batch result
 * (a fraction of a millisecond: the heap holds little) frees them as they fall. The collector
 * is reached as Node documents for `--expose-gc` set at run time: in a new context.
 */
export function enableBufferCollection(): void {
  setFlagsFromString('--expose-gc');
  minorGc = runInNewContext('gc') as Gc;
}

/** A young-generation collection, where enableBufferCollection asked for them. */
export function collectBuffers(): void {
  minorGc?.({ type: 'minor' });
}
