import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { Dec } from '../support/decimal.js';
import type { Issue } from '../support/errors.js';
import { firstInvalidUtf8 } from '../profile/profile.js';

/**
 * Reading one YAML file of a rule set (rules and their test cases) as hostile input: a regular
 * file of bounded size, UTF-8, YAML 1.2, with a bounded number of entries, no duplicate or
 * prototype keys, no unknown tags, no numbers a float would change, bounded nesting and aliases.
 * Every problem is an issue with file, line and column; nothing is guessed.
 */
export const MAX_FILE_BYTES = 1_000_000;
/** Keys and list items a file may hold: the largest shipped file has about 400 nodes. */
export const MAX_ENTRIES = 20_000;
export const MAX_DEPTH = 64;
const MAX_ALIASES = 100;
const TOO_DEEP = `nesting too deep; rule files may nest at most ${MAX_DEPTH} levels`;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const utf8 = new TextDecoder('utf-8', { fatal: true });
type Range = [number, number, number] | null | undefined;

export interface YamlFile {
  value: unknown;
  doc: Document;
  lineCounter: LineCounter;
}

/** Reads and checks `file`; on any problem pushes issues and returns undefined. */
export function readYamlFile(file: string, issues: Issue[], what = 'rule file'): YamlFile | undefined {
  const text = readText(file, issues, what);
  if (text === undefined) return undefined;
  const entries = countEntries(text);
  if (entries > MAX_ENTRIES) {
    // Counted on the text, before parsing: a parser's work on 40,000 keys is what this bound prevents.
    issues.push({ file, message: `${what} has more than ${MAX_ENTRIES} keys and list items (${entries} found); rule files are small, split it or write less` });
    return undefined;
  }
  const directive = /^%YAML[ \t]+(\S+)/m.exec(text);
  if (directive && directive[1] !== '1.2') {
    // YAML 1.1 reads 0:25 as 25 (base 60), `yes` as true, 010 as 8: a rule file is read as YAML 1.2 only.
    issues.push({ file, line: lineAt(text, directive.index), column: 1, message: `"%YAML ${directive[1]}" is refused: rule files are YAML 1.2; remove the directive` });
    return undefined;
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    // Duplicate keys are found below with a Set: the library's own check is quadratic in the keys.
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, strict: true, prettyErrors: false, version: '1.2' });
  } catch (e) {
    issues.push({ file, message: `refused: ${e instanceof RangeError ? TOO_DEEP : (e as Error).message}` });
    return undefined;
  }
  // Warnings (an unknown tag like `!foo`) are refused too: a rule file means exactly what it says.
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length) {
    for (const e of problems) {
      const pos = lineCounter.linePos(e.pos[0]);
      const message = e.code === 'RESOURCE_EXHAUSTION' ? TOO_DEEP : e.message.split('\n')[0]!;
      issues.push({ file, line: pos.line, column: pos.col, message });
    }
    return undefined;
  }
  const before = issues.length;
  const firstAlias = checkYamlTree(doc, (range, message) => {
    const pos = lineCounter.linePos(range?.[0] ?? 0);
    issues.push({ file, line: pos.line, column: pos.col, message });
  });
  if (issues.length > before) return undefined;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const pos = firstAlias ? lineCounter.linePos(firstAlias[0]) : undefined;
    const msg = e instanceof RangeError ? TOO_DEEP : /alias/i.test((e as Error).message) ? `aliases expand too much (more than ${MAX_ALIASES} expansions); write the values out` : (e as Error).message;
    issues.push({ file, line: pos?.line, column: pos?.col, message: `refused: ${msg}` });
    return undefined;
  }
  // Aliases can nest an anchor's depth inside another: check the expanded value too.
  if (depthOf(value) > MAX_DEPTH) {
    const pos = firstAlias ? lineCounter.linePos(firstAlias[0]) : undefined;
    issues.push({ file, line: pos?.line, column: pos?.col, message: `refused: ${TOO_DEEP} (after expanding aliases)` });
    return undefined;
  }
  return { value, doc, lineCounter };
}

/**
 * The file's text: only a regular file (a pipe or a device would block or never end), at most
 * MAX_FILE_BYTES, and valid UTF-8 (a GBK file would otherwise give mojibake titles and citations).
 */
function readText(file: string, issues: Issue[], what: string): string | undefined {
  let fd: number | undefined;
  try {
    // stat before open: opening a FIFO for reading blocks until a writer comes.
    if (!statSync(file).isFile()) {
      issues.push({ file, message: 'is not a regular file' });
      return undefined;
    }
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    if (!st.isFile()) {
      issues.push({ file, message: 'is not a regular file' });
      return undefined;
    }
    if (st.size > MAX_FILE_BYTES) {
      issues.push({ file, message: `${what} is ${st.size} bytes; at most ${MAX_FILE_BYTES} are read` });
      return undefined;
    }
    const bytes = Buffer.alloc(st.size + 1);
    let n = 0;
    for (let r; n < bytes.length && (r = readSync(fd, bytes, n, bytes.length - n, null)) > 0; ) n += r;
    if (n > MAX_FILE_BYTES) {
      issues.push({ file, message: `${what} grew beyond ${MAX_FILE_BYTES} bytes while it was read` });
      return undefined;
    }
    return decode(bytes.subarray(0, n), file, issues);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    issues.push({ file, message: `cannot read: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}` });
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function decode(bytes: Uint8Array, file: string, issues: Issue[]): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) (line++, (lineStart = i + 1));
    issues.push({ file, line, column: at - lineStart + 1, message: `byte 0x${bytes[at]!.toString(16).padStart(2, '0')} is not valid UTF-8; save the rule file as UTF-8 (GBK and other encodings are not read)` });
    return undefined;
  }
}

/** Mapping entries and list items, over-counted on the text: `key:`, `? key`, `- item`, and flow `,`. */
function countEntries(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c) n++; // ,
    else if (c === 0x3a || c === 0x2d || c === 0x3f) {
      // ':' '-' '?' followed by a space, a line end or the end of the text
      const next = text.charCodeAt(i + 1);
      if (Number.isNaN(next) || next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09) n++;
    }
  }
  return n;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * One pass over the parsed tree, without recursion (the tree may be hostile): refuses nesting
 * deeper than MAX_DEPTH, duplicate keys (a Set per mapping: linear), keys that name JavaScript's
 * prototype machinery, and numbers that a binary float does not hold exactly
 * (`0.1234567890123456789`, `1e400`, `.nan`): YAML reads numbers as floats, so such a value would
 * silently change. Returns the first alias's range.
 */
function checkYamlTree(doc: Document, report: (range: Range, message: string) => void): Range {
  let firstAlias: Range;
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      if (node.range && (!firstAlias || node.range[0] < firstAlias[0])) firstAlias = node.range;
    } else if (isMap(node) || isSeq(node)) {
      if (depth >= MAX_DEPTH) {
        report(node.range, TOO_DEEP);
        return firstAlias;
      }
      const keys = new Set<string>();
      for (const item of node.items) {
        if (isPair(item)) {
          const key = item.key;
          const name = isScalar(key) ? String(key.value) : undefined;
          if (isScalar(key) && name !== undefined && FORBIDDEN_KEYS.has(name)) report(key.range, `the key "${name}" is not allowed`);
          else if (isScalar(key) && name !== undefined && keys.has(name)) report(key.range, `Map keys must be unique: "${name}" appears twice`);
          else stack.push({ node: key, depth: depth + 1 });
          if (name !== undefined) keys.add(name);
          stack.push({ node: item.value, depth: depth + 1 });
        } else stack.push({ node: item, depth: depth + 1 });
      }
    } else if (isScalar(node) && typeof node.value === 'number') {
      const problem = inexactNumber(node.value, node.source);
      if (problem) report(node.range, problem);
    }
  }
  return firstAlias;
}

function inexactNumber(value: number, source: string | undefined): string | undefined {
  if (!Number.isFinite(value)) return `the number ${source ?? String(value)} is not finite; write a decimal such as "0.25"`;
  if (source === undefined || !/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(source)) return undefined;
  if (!new Dec(source.replace(/^\+/, '')).eq(new Dec(value))) {
    return `the number ${source} would be read as ${String(value)}; write it as a string, e.g. "${source}"`;
  }
  return undefined;
}

/** Depth of a plain JSON-like value, without recursion. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length) {
    const { v, d } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > MAX_DEPTH) return max;
    for (const x of Object.values(v)) stack.push({ v: x, d: d + 1 });
  }
  return max;
}
