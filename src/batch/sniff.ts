/**
 * What an NDJSON stream really holds, told from its first line: one profile per line, one
 * pretty-printed JSON object (its first line is a lone `{`), or a JSON array. A pretty-printed
 * profile piped into batch would otherwise be read as dozens of broken lines with no hint.
 */
export type StreamShape = 'lines' | 'document' | 'array';

/** Bytes looked at before deciding: enough for any first line of a pretty-printed file. */
const SNIFF_BYTES = 64 * 1024;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/** The shape, from the bytes seen so far; undefined while the first line is not complete. */
export function shapeOf(head: Uint8Array, complete: boolean): StreamShape | undefined {
  let i = 0;
  // A UTF-8 byte order mark is not content.
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && isSpace(head[i]!)) i++;
  if (i === head.length) return complete ? 'lines' : undefined;
  if (head[i] === 0x5b) return 'array';
  if (head[i] !== 0x7b) return 'lines';
  let j = i + 1;
  while (j < head.length && head[j] !== 0x0a && isSpace(head[j]!)) j++;
  if (j === head.length) return complete || head.length >= SNIFF_BYTES ? 'document' : undefined;
  return head[j] === 0x0a ? 'document' : 'lines';
}

/**
 * Reads just enough of a stream to tell its shape, and hands back the same bytes followed by the
 * rest of the stream, so that nothing is read twice or lost.
 */
export async function sniff(stream: AsyncIterable<unknown>): Promise<{ shape: StreamShape; chunks: AsyncGenerator<Uint8Array> }> {
  const it = stream[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  let done = false;
  let shape: StreamShape | undefined;
  while (shape === undefined) {
    const next = await it.next();
    if (next.done) done = true;
    else {
      // A copy: the stream may reuse its chunk.
      const chunk = Uint8Array.from(next.value as Uint8Array);
      seen.push(chunk);
      size += chunk.length;
    }
    shape = shapeOf(Buffer.concat(seen, size), done || size >= SNIFF_BYTES);
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield* seen;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value as Uint8Array;
  }
  return { shape, chunks: chunks() };
}
