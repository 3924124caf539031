import { Dec, type Dec as DecT } from '../support/decimal.js';
import { arithmetic, extreme, extremeOfTwo, FormulaError, negate, type Num } from '../evaluate/bounds.js';
import { Unknown } from '../support/unknown.js';

export { FormulaError };

/**
 * The formula language of rule files: decimal literals, names, + - * /, parentheses, and
 * max(...) / min(...). Parsed once into a tree, then compiled into closures; nothing is ever
 * evaluated as JavaScript. Every value is an exact Decimal, a Range (bounds where an input is
 * known only to be non-negative), or Unknown.
 */
export type ExprNode =
  | { k: 'num'; v: DecT }
  | { k: 'name'; name: string; col: number }
  | { k: 'neg'; e: ExprNode }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; l: ExprNode; r: ExprNode }
  | { k: 'call'; fn: 'max' | 'min'; args: ExprNode[]; col: number };

export class ExpressionError extends Error {
  constructor(message: string, readonly column: number) {
    super(message);
  }
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)|(\S))/y;
type Token = { t: 'num' | 'name' | 'sym'; v: string; col: number };
const MAX_LENGTH = 2000;
const MAX_DEPTH = 50;

function tokenize(src: string): Token[] {
  if (src.length > MAX_LENGTH) throw new ExpressionError(`formula longer than ${MAX_LENGTH} characters`, 1);
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) break;
    const col = start + (m[0].length - m[0].trimStart().length) + 1;
    if (m[1] !== undefined) out.push({ t: 'num', v: m[1], col });
    else if (m[2] !== undefined) out.push({ t: 'name', v: m[2], col });
    else if (m[3] !== undefined) {
      if (!'+-*/(),'.includes(m[3])) throw new ExpressionError(`unexpected character "${m[3]}"`, col);
      out.push({ t: 'sym', v: m[3], col });
    }
  }
  return out;
}

export function parseExpression(src: string): ExprNode {
  const tokens = tokenize(src);
  let i = 0;
  let depth = 0;
  const peek = () => tokens[i];
  const end = src.length + 1;
  const expect = (v: string) => {
    const t = tokens[i];
    if (!t || t.v !== v) throw new ExpressionError(`expected "${v}"`, t?.col ?? end);
    i++;
  };
  function expr(): ExprNode {
    if (++depth > MAX_DEPTH) throw new ExpressionError(`formula nested deeper than ${MAX_DEPTH}`, peek()?.col ?? end);
    let l = term();
    for (let t = peek(); t && (t.v === '+' || t.v === '-'); t = peek()) {
      i++;
      l = { k: 'bin', op: t.v as '+' | '-', l, r: term() };
    }
    depth--;
    return l;
  }
  function term(): ExprNode {
    let l = unary();
    for (let t = peek(); t && (t.v === '*' || t.v === '/'); t = peek()) {
      i++;
      const r = unary();
      if (t.v === '/' && r.k === 'num' && r.v.isZero()) throw new ExpressionError('division by zero', t.col);
      l = { k: 'bin', op: t.v as '*' | '/', l, r };
    }
    return l;
  }
  function unary(): ExprNode {
    const t = peek();
    if (t?.v === '-') {
      i++;
      return { k: 'neg', e: unary() };
    }
    return primary();
  }
  function primary(): ExprNode {
    const t = tokens[i++];
    if (!t) throw new ExpressionError('formula ends too early', end);
    if (t.t === 'num') return { k: 'num', v: new Dec(t.v) };
    if (t.v === '(') {
      const e = expr();
      expect(')');
      return e;
    }
    if (t.t === 'name') {
      if (peek()?.v === '(') {
        if (t.v !== 'max' && t.v !== 'min') throw new ExpressionError(`unknown function "${t.v}"; only max and min exist`, t.col);
        i++;
        const args: ExprNode[] = [expr()];
        while (peek()?.v === ',') {
          i++;
          args.push(expr());
        }
        expect(')');
        return { k: 'call', fn: t.v, args, col: t.col };
      }
      return { k: 'name', name: t.v, col: t.col };
    }
    throw new ExpressionError(`unexpected "${t.v}"`, t.col);
  }
  const node = expr();
  if (i < tokens.length) throw new ExpressionError(`unexpected "${tokens[i]!.v}"`, tokens[i]!.col);
  return node;
}

export function namesIn(node: ExprNode, out: { name: string; col: number }[] = []): { name: string; col: number }[] {
  switch (node.k) {
    case 'name': out.push({ name: node.name, col: node.col }); break;
    case 'neg': namesIn(node.e, out); break;
    case 'bin': namesIn(node.l, out); namesIn(node.r, out); break;
    case 'call': for (const a of node.args) namesIn(a, out); break;
  }
  return out;
}

/** A formula as text again, for messages. */
export function expressionText(node: ExprNode): string {
  switch (node.k) {
    case 'num': return node.v.toString();
    case 'name': return node.name;
    case 'neg': return `-${expressionText(node.e)}`;
    case 'bin': return `(${expressionText(node.l)} ${node.op} ${expressionText(node.r)})`;
    case 'call': return `${node.fn}(${node.args.map(expressionText).join(', ')})`;
  }
}

export type NumFn<S> = (scope: S) => Num | Unknown;

/** Compiles a parsed formula; `resolve` turns each name into a closure, checked before this call. */
export function compileExpression<S>(node: ExprNode, resolve: (name: string) => NumFn<S>): NumFn<S> {
  switch (node.k) {
    case 'num': {
      const v = node.v;
      return () => v;
    }
    case 'name':
      return resolve(node.name);
    case 'neg': {
      const e = compileExpression(node.e, resolve);
      return (s) => {
        const v = e(s);
        return v instanceof Unknown ? v : negate(v);
      };
    }
    case 'bin': {
      const l = compileExpression(node.l, resolve);
      const r = compileExpression(node.r, resolve);
      const op = node.op;
      const divisor = op === '/' ? expressionText(node.r) : '';
      return (s) => {
        const a = l(s);
        const b = r(s);
        if (a instanceof Unknown || b instanceof Unknown) return Unknown.merge([a, b].filter((x): x is Unknown => x instanceof Unknown));
        return arithmetic(op, a, b, divisor);
      };
    }
    case 'call': {
      const args = node.args.map((a) => compileExpression(a, resolve));
      const isMax = node.fn === 'max';
      if (args.length === 2) {
        // min(a, b) and max(a, b), all the rules write: no lists made per evaluation.
        const [a, b] = args as [NumFn<S>, NumFn<S>];
        return (s) => {
          const x = a(s);
          const y = b(s);
          if (x instanceof Unknown || y instanceof Unknown) return Unknown.merge([x, y].filter((v): v is Unknown => v instanceof Unknown));
          return extremeOfTwo(isMax, x, y);
        };
      }
      return (s) => {
        const vals = args.map((a) => a(s));
        const unknown = vals.filter((v): v is Unknown => v instanceof Unknown);
        if (unknown.length) return Unknown.merge(unknown);
        return extreme(isMax, vals as Num[]);
      };
    }
  }
}
