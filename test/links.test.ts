import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './cli-helpers.js';

/** The repository carries its own reference: no link in it may lead outside it, or nowhere. */
function files(dir: string, ext: RegExp, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, ext, out);
    else if (ext.test(name)) out.push(p);
  }
  return out;
}

const markdown = [...files(ROOT, /\.md$/)].filter((f) => !relative(ROOT, f).startsWith('test-artifacts'));
const sources = files(join(ROOT, 'src'), /\.ts$/);

/** Markdown links outside code (fenced blocks and `code spans` hold patterns, not links). */
function links(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

describe('links', () => {
  it('finds the documents to check', () => {
    expect(markdown.map((f) => relative(ROOT, f))).toEqual(expect.arrayContaining(['README.md', 'docs/profile.md', 'docs/contract.md']));
  });

  it.each(markdown.map((f) => [relative(ROOT, f), f]))('every link in %s points to a file of the repository', (_name, file) => {
    for (const target of links(readFileSync(file, 'utf8'))) {
      expect(target, `${target} leaves the repository`).not.toMatch(/^[a-z]+:/i);
      const path = resolve(dirname(file), decodeURI(target.split('#')[0]!));
      expect(relative(ROOT, path).startsWith('..'), `${target} leaves the repository`).toBe(false);
      expect(existsSync(path), `${target} does not exist`).toBe(true);
    }
  });

  it('no document or source names the design notes outside the repository as a reference', () => {
    for (const f of [...markdown, ...sources]) expect(readFileSync(f, 'utf8'), relative(ROOT, f)).not.toMatch(/\.\.\/shared\/spec|shared\/spec\//);
  });

  it('the fixtures name a schema inside the repository', () => {
    for (const f of readdirSync(join(ROOT, 'fixtures')).filter((n) => n.endsWith('.json'))) {
      const s = JSON.parse(readFileSync(join(ROOT, 'fixtures', f), 'utf8')).$schema;
      if (s !== undefined) expect(existsSync(resolve(ROOT, 'fixtures', s)), f).toBe(true);
    }
  });
});
