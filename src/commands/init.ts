import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest, PLACEHOLDERS, PolicyCalcError } from '../engine/index.js';
import { writeOut } from '../cli/io.js';
import { commandOptions, defaultLang } from '../cli/options.js';
import { writeFileAtomic } from '../cli/write-file.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCHEMA_FILE = join(ROOT, 'schema', 'profile.schema.json');
export const EXAMPLES_DIR = join(ROOT, 'fixtures');

/** The bundled example profiles, by name (fixtures/NAME.json). */
export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** `$schema` as seen from the folder the profile is written to, so that an editor finds it. */
export function schemaRef(outputDir: string): string {
  const rel = relative(resolve(outputDir), SCHEMA_FILE).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** A starting profile: the schema, and the two required fields holding placeholders `check` refuses. */
export function startingProfile(outputDir: string): Record<string, unknown> {
  return { $schema: schemaRef(outputDir), name: PLACEHOLDERS.name, registrationDate: PLACEHOLDERS.date };
}

function example(name: string, outputDir: string): Record<string, unknown> {
  const names = exampleNames();
  if (!names.includes(name)) {
    const guess = closest(name, names);
    throw new PolicyCalcError('USAGE', [
      { message: `--example: no example named "${name}"${guess ? ` (did you mean "${guess}"?)` : ''}; the examples are: ${names.join(', ')}` },
    ]);
  }
  const profile = JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = profile;
  return { $schema: schemaRef(outputDir), ...rest };
}

const NEXT = {
  template: {
    zh: '已写入 {file}：请替换其中的占位内容，或运行 policy-calc ask {file} 逐项回答问题。',
    en: 'wrote {file}: replace the placeholders, or run `policy-calc ask {file}` to answer questions instead.',
  },
  example: {
    zh: '已写入 {file}（示例 {name}）：运行 policy-calc check {file} 查看结果。',
    en: 'wrote {file} (example {name}): run `policy-calc check {file}` to see the result.',
  },
};

/** `policy-calc init [-o FILE] [--example NAME] [--force]`: write a starting profile. */
export async function runInit(raw: Record<string, unknown>): Promise<void> {
  const o = commandOptions('init', raw);
  const lang = o.lang ?? defaultLang();
  const dir = o.output ? dirname(o.output) : '.';
  const profile = o.example !== undefined ? example(o.example, dir) : startingProfile(dir);
  const text = `${JSON.stringify(profile, null, 2)}\n`;
  if (!o.output) return writeOut(text);
  writeFileAtomic(o.output, text, { force: o.force });
  const next = o.example !== undefined ? NEXT.example : NEXT.template;
  process.stderr.write(`${next[lang].replaceAll('{file}', o.output).replaceAll('{name}', o.example ?? '')}\n`);
}
