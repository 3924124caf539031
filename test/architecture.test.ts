import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ROOT } from './cli-helpers.js';

/**
 * The layering that docs/architecture.md describes, checked: the engine is a library that knows
 * nothing of the command line, and the rest of the program reaches it through its index only.
 */
const SRC = join(ROOT, 'src');
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ f: f.split(sep).join('/'), text: readFileSync(join(SRC, f), 'utf8') }));
const specifiers = (text: string) => [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
const engine = sources.filter(({ f }) => f.startsWith('engine/'));

describe('the engine is a library', () => {
  it('is read from its sub-folders', () => {
    expect(engine.length).toBeGreaterThan(40);
    expect(new Set(engine.map(({ f }) => f.split('/')[1]))).toEqual(
      new Set(['index.ts', 'support', 'profile', 'rules', 'facts', 'evaluate', 'tooling']),
    );
  });

  it('imports no command-line package and never touches process', () => {
    const found = engine.flatMap(({ f, text }) => [
      ...specifiers(text).filter((s) => /^(commander|chalk|@inquirer\/|node:process$|process$)/.test(s)).map((s) => `${f} imports ${s}`),
      ...(/\bprocess\.\w/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')) ? [`${f} uses process`] : []),
    ]);
    expect(found).toEqual([]);
  });

  it('is reached from outside only through src/engine/index.ts', () => {
    const outside = sources.filter(({ f }) => !f.startsWith('engine/'));
    expect(outside.length).toBeGreaterThan(40);
    const bypass = outside.flatMap(({ f, text }) =>
      specifiers(text)
        .filter((s) => s.startsWith('.') && /(^|\/)engine\//.test(s) && !s.endsWith('engine/index.js'))
        .map((s) => `${f} imports ${s}`),
    );
    expect(bypass).toEqual([]);
  });

  it('never imports the command line, the renderers, batch or the interview', () => {
    const intoCli = engine.flatMap(({ f, text }) =>
      specifiers(text).filter((s) => /\.\.\/(cli|commands|render|batch|interview)\//.test(s)).map((s) => `${f} imports ${s}`),
    );
    expect(intoCli).toEqual([]);
  });
});

describe('one home for numbers and marks', () => {
  const outside = sources.filter(({ f }) => !f.startsWith('engine/'));

  it('outside the engine, decimals are the engine’s Dec, never a decimal.js of their own', () => {
    expect(outside.filter(({ text }) => specifiers(text).includes('decimal.js')).map(({ f }) => f)).toEqual([]);
  });

  it('status and check marks are written in src/render/i18n.ts only', () => {
    const marks = outside.filter(({ f, text }) => f !== 'render/i18n.ts' && /[✔✘]/.test(text)).map(({ f }) => f);
    expect(marks).toEqual([]);
  });
});

it('keeps every source file at 300 lines or fewer, so that each can be read at one sitting', () => {
  const all = ['src', 'test', 'scripts', 'bench', 'bin'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|mjs|js)$/.test(f) && !f.startsWith('out'))
      .map((f) => ({ f: `${dir}/${f}`, lines: readFileSync(join(ROOT, dir, f), 'utf8').split('\n').length - 1 })),
  );
  expect(all.length).toBeGreaterThan(150);
  expect(all.filter((x) => x.lines > 300).map(({ f, lines }) => `${f}: ${lines} lines`)).toEqual([]);
});
