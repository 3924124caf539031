import type { LeanResult } from '../engine/index.js';
import { bytesOf, type ByteSink } from './byte-sink.js';
import type { InputRef } from './formats.js';

/**
 * The lean NDJSON line (formats.ts, `ndjsonLine`) written straight into the batch's bytes: its
 * fixed parts are copied in as UTF-8 made once, and its values as ASCII where they are, so that
 * no line is built as a string first. The bytes are those of `ndjsonLine`, which stays the
 * reference (test/ndjson-line.test.ts compares the two).
 */
const INPUT_FILE = bytesOf('{"input":{"file":');
const LINE = bytesOf(',"line":');
const NAME = bytesOf('},"enterprise":{"name":');
const CREDIT_CODE = bytesOf(',"creditCode":');
const YEAR = bytesOf('},"evaluation":{"year":');
const AS_OF = bytesOf(',"asOf":"');
const RULES_VERSION = bytesOf('","rulesVersion":');
const BENEFITS = bytesOf('},"benefits":[');
const AMOUNT = bytesOf('","amount":');
const BOUND = bytesOf(',"amountBound":');
const COUNTED = bytesOf(',"countedInTotal":true,"missing":');
const NOT_COUNTED = bytesOf(',"countedInTotal":false,"missing":');
const NO_MISSING = bytesOf('[]}');
const TOTALS = bytesOf('],"totals":{"amount":"');
const ELIGIBLE = bytesOf(',"eligible":');
const NEEDS_INFO = bytesOf(',"needsInfo":');
const INELIGIBLE = bytesOf(',"ineligible":');
const END = bytesOf('}}\n');

/** `{"id":"P01","status":"` and its comma-led twin, per policy id (the rules' ids: a few dozen). */
const opening = new Map<string, [Uint8Array, Uint8Array]>();
function openingOf(id: string): [Uint8Array, Uint8Array] {
  let o = opening.get(id);
  if (!o) {
    const text = `{"id":${JSON.stringify(id)},"status":"`;
    o = [bytesOf(text), bytesOf(`,${text}`)];
    opening.set(id, o);
  }
  return o;
}

/** A string value or null, as the line writes it: quoted, without escapes (amounts and bounds). */
function quotedOrNull(sink: ByteSink, v: string | null): void {
  sink.ascii(v === null ? 'null' : `"${v}"`);
}

export function writeNdjsonLine(sink: ByteSink, input: InputRef, r: LeanResult): void {
  const e = r.enterprise;
  const v = r.evaluation;
  sink.bytes(INPUT_FILE);
  sink.json(input.file);
  if (input.line) {
    sink.bytes(LINE);
    sink.ascii(String(input.line));
  }
  sink.bytes(NAME);
  sink.json(e.name);
  sink.bytes(CREDIT_CODE);
  if (e.creditCode === null) sink.ascii('null');
  else sink.json(e.creditCode);
  sink.bytes(YEAR);
  sink.ascii(v.year === null ? 'null' : String(v.year));
  sink.bytes(AS_OF);
  sink.ascii(v.asOf);
  sink.bytes(RULES_VERSION);
  sink.json(v.rulesVersion);
  sink.bytes(BENEFITS);
  for (let i = 0; i < r.benefits.length; i++) {
    const b = r.benefits[i]!;
    sink.bytes(openingOf(b.id)[i ? 1 : 0]);
    sink.ascii(b.status);
    sink.bytes(AMOUNT);
    quotedOrNull(sink, b.amount);
    sink.bytes(BOUND);
    quotedOrNull(sink, b.amountBound);
    sink.bytes(b.countedInTotal ? COUNTED : NOT_COUNTED);
    if (!b.missing.length) sink.bytes(NO_MISSING);
    else {
      sink.ascii('[');
      for (let k = 0; k < b.missing.length; k++) {
        if (k) sink.ascii(',');
        sink.json(b.missing[k]!);
      }
      sink.ascii(']}');
    }
  }
  const t = r.totals;
  sink.bytes(TOTALS);
  sink.ascii(`${t.amount}"`);
  sink.bytes(BOUND);
  sink.ascii(`"${t.amountBound}"`);
  sink.bytes(ELIGIBLE);
  sink.ascii(String(t.eligible));
  sink.bytes(NEEDS_INFO);
  sink.ascii(String(t.needsInfo));
  sink.bytes(INELIGIBLE);
  sink.ascii(String(t.ineligible));
  sink.bytes(END);
  sink.end();
}
