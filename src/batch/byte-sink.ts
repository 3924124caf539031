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

/** The UTF-8 of a fixed piece of a record, made once for `ByteSink.bytes`. */
export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const INITIAL = 1 << 20;

export class ByteSink {
  private static readonly utf8 = new TextEncoder();
  private readonly free: Uint8Array[] = [];
  private buf: Uint8Array | undefined;
  private pos = 0;
  /** Records written since the last take (by `push`, or pieces closed by `end`). */
  count = 0;

  push(text: string): void {
    this.text(text);
    this.count++;
  }

  /** Room for `n` more bytes. */
  private room(n: number): Uint8Array {
    const need = this.pos + n;
    if (!this.buf) this.buf = this.free.pop() ?? new Uint8Array(Math.max(INITIAL, need));
    if (need > this.buf.length) {
      const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.pos));
      this.buf = grown;
    }
    return this.buf;
  }

  // A record can also be written piece by piece, then closed with `end`: a line that is mostly
  // fixed ASCII (the lean NDJSON line) is then copied in as bytes instead of being built as a
  // string first and encoded after; one Chinese character in such a string (a name) makes V8
  // store all of it two bytes a character.

  /** Part of a record: any text, as UTF-8. */
  text(text: string): void {
    // At most 3 bytes per UTF-16 code unit.
    const buf = this.room(text.length * 3);
    this.pos += ByteSink.utf8.encodeInto(text, buf.subarray(this.pos)).written;
  }

  /** Part of a record: bytes made once (see `bytesOf`). */
  bytes(b: Uint8Array): void {
    this.room(b.length).set(b, this.pos);
    this.pos += b.length;
  }

  /** Part of a record: text its caller knows to be ASCII (numbers, amounts, codes of the rules). */
  ascii(text: string): void {
    const buf = this.room(text.length);
    let pos = this.pos;
    for (let i = 0; i < text.length; i++) buf[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** Part of a record: `JSON.stringify(text)`, copied directly where it is printable ASCII without quotes or backslashes. */
  json(text: string): void {
    const buf = this.room(text.length + 2);
    const start = this.pos;
    let pos = start;
    buf[pos++] = 34;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 34 || c === 92) {
        this.pos = start;
        this.text(JSON.stringify(text));
        return;
      }
      buf[pos++] = c;
    }
    buf[pos++] = 34;
    this.pos = pos;
  }

  /** Closes a record written piece by piece. */
  end(): void {
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
