/**
 * Collects a batch's output as UTF-8. Each record's text is encoded as soon as it is made, into
 * one buffer: TextEncoder is several times faster than Buffer.from for text with Chinese in it,
 * and joining thousands of long strings first would cost more than formatting them.
 *
 * Buffers are recycled: once the main thread has written a batch's output it hands the buffer
 * back (`recycle`), and the next batch is encoded into it. Allocating a fresh megabyte per batch
 * and moving it between threads costs more than encoding it (fresh pages, freed in another
 * thread); a few buffers going round cost nothing, and bound the memory the output can take.
 */
export const EMPTY = new Uint8Array(0);
const INITIAL = 1 << 20;

export class ByteSink {
  private static readonly utf8 = new TextEncoder();
  private readonly free: Uint8Array[] = [];
  private buf: Uint8Array | undefined;
  private pos = 0;
  /** Texts pushed since the last take. */
  count = 0;

  push(text: string): void {
    // At most 3 bytes per UTF-16 code unit.
    const need = this.pos + text.length * 3;
    if (!this.buf) this.buf = this.free.pop() ?? new Uint8Array(Math.max(INITIAL, need));
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.pos));
      this.buf = grown;
    }
    this.pos += ByteSink.utf8.encodeInto(text, this.buf.subarray(this.pos)).written;
    this.count++;
  }

  /** The bytes since the last take: a view on a buffer that belongs to the caller until recycled. */
  take(): Uint8Array {
    const out = this.buf ? this.buf.subarray(0, this.pos) : EMPTY;
    this.buf = undefined;
    this.pos = 0;
    this.count = 0;
    return out;
  }

  /** Gives a buffer from `take` back, once its bytes have been written. */
  recycle(view: Uint8Array): void {
    if (view.buffer.byteLength) this.free.push(new Uint8Array(view.buffer));
  }
}
