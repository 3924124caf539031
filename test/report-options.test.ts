import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, attrs, FIXTURES, ROOT, run, spawned, tmp } from './report-helpers.js';

/** `policy-calc report`: PDF without a Chromium, escaping, options and errors, batches (in-process; stdin: the built CLI). */
describe('report: PDF', () => {
  it('without a Chromium: exit 2 and what to do, in the report language; no file is left behind', async () => {
    const dir = tmp();
    const env = { CHROMIUM_PATH: join(dir, 'no-such-chromium') };
    for (const [lang, words] of [['zh', '请安装 chromium'], ['en', 'install chromium']] as const) {
      const r = await run(['report', 'fixtures/cloud-sme.json', '--as-of', AS_OF, '--lang', lang, '-o', join(dir, 'r.pdf')], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(words);
      expect(r.stderr).toContain('.html');
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('finds no Chromium on a PATH without one', async () => {
    const { findChromium } = await import('../src/cli/pdf.js');
    const dir = tmp();
    expect(findChromium({ PATH: dir })).toBeNull();
    // A relative PATH entry is never searched: it would run whatever the current folder holds.
    expect(findChromium({ PATH: '.' })).toBeNull();
    writeFileSync(join(dir, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findChromium({ PATH: `/nonexistent:${dir}` })).toBe(join(dir, 'chromium'));
    expect(findChromium({ PATH: dir, CHROMIUM_PATH: join(dir, 'missing') })).toBeNull();
  });
});

describe('report: escaping', () => {
  const hostile = {
    name: '<script>alert(1)</script> & "Co" | Ltd',
    registrationDate: '2017-03-15',
    industry: 'cloud-bigdata',
  };
  const hostileFile = () => {
    const file = join(tmp(), 'hostile.json');
    writeFileSync(file, JSON.stringify(hostile));
    return file;
  };

  it('HTML: a name holding markup is text, not markup', async () => {
    const r = await run(['report', hostileFile(), '--format', 'html', '--as-of', AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<script');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; | Ltd');
    expect(r.stdout).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('Markdown: the name neither opens HTML nor splits a table cell', async () => {
    const r = await run(['report', hostileFile(), '--format', 'markdown', '--as-of', AS_OF, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/(^|[^\\])<script/m);
    const row = r.stdout.split('\n').find((l) => l.startsWith('| **Enterprise** |'))!;
    expect(row).toBe('| **Enterprise** | \\<script\\>alert(1)\\</script\\> & "Co" \\| Ltd |');
  });
});

describe('report: options and errors', () => {
  it('takes the format from the -o extension and writes the file', async () => {
    const dir = tmp();
    expect((await run(['report', 'fixtures/cloud-sme.json', '--as-of', AS_OF, '-o', join(dir, 'r.md')])).code).toBe(0);
    expect((await run(['report', 'fixtures/cloud-sme.json', '--as-of', AS_OF, '-o', join(dir, 'sub', 'r.html')])).code).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# /);
    expect(readFileSync(join(dir, 'sub', 'r.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('refuses stdout without --format, and an extension it cannot read, with exit 2', async () => {
    const a = await run(['report', 'fixtures/cloud-sme.json']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('needs --format');
    const b = await run(['report', 'fixtures/cloud-sme.json', '-o', join(tmp(), 'r.txt')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/r\.txt: cannot tell the report format/);
    const c = await run(['report', 'fixtures/cloud-sme.json', '--format', 'html', '--date', '2018-02-30']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--date "2018-02-30"');
  });

  it('an invalid profile is exit 2 naming the file and path', () => {
    const r = spawned(['report', '-', '--format', 'html'], '{"name": "x"}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>.*registrationDate/);
    expect(r.stdout).toBe('');
  });
});

describe('report: batches', () => {
  it('a folder: one report per profile, named by credit code or index and slug, an index, exit 1 for an invalid one', async () => {
    const input = tmp();
    for (const f of FIXTURES) writeFileSync(join(input, `${f}.json`), readFileSync(join(ROOT, 'fixtures', `${f}.json`)));
    writeFileSync(join(input, 'zz-broken.json'), '{"name": "Broken Co", "registrationDate": "2017-13-01"}');
    writeFileSync(join(input, 'notes.txt'), 'not a profile');
    const out = join(tmp(), 'out');
    const r = await run(['report', input, '-o', out, '--as-of', AS_OF, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zz-broken\.json.*registrationDate/);
    const files = readdirSync(out).sort();
    // Sorted input: cloud-sme, design-firm, hotel-hot-spring, regional-hq, sparse (index 5, no credit code), zz-broken.
    expect(files).toEqual(['005-enterprise.html', '91500103MA5UB1QK8E.html', '91500107MA5U9PLW64.html', '91500112MA5U7K3X23.html', '91500240MA5UCR2T49.html', 'index.html']);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="91500112MA5U7K3X23.html"');
    expect(index).toContain('data-total="619282.53"'); // cloud-sme on 2018-06-30, as above
    expect(index).toMatch(/<tr class="invalid" data-index="6">.*registrationDate/);
    // 619,282.53 (P10 counts the taxes paid by the as-of date) + 750,000 + 4,167,925 + 1,390,000 + 0, as the five reports total.
    expect(index).toContain('data-grand-total="6927207.53"');
    // The dashboard: by district, largest first (each fixture is in its own district; sparse gives none).
    const districts = attrs(index, 'tr').filter((a) => a['data-district']).map((a) => [a['data-district'], a['data-total']]);
    expect(districts).toEqual([['石柱土家族自治县', '4167925.00'], ['渝中区', '1390000.00'], ['九龙坡区', '750000.00'], ['渝北区', '619282.53'], ['not given', '0.00']]);
    // By policy: the counted amounts add up to the grand total again.
    const policies = attrs(index, 'tr').filter((a) => a['data-policy']);
    const fen = policies.reduce((sum, a) => sum + Math.round(Number(a['data-total']) * 100), 0);
    expect(fen).toBe(692720753);
    // The policy rows come sorted by amount, largest first, so the order holds without the script.
    const amounts = policies.map((a) => Number(a['data-total']));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    // The one script is allowed by its hash, nothing else; the error is in the report's language.
    expect(index).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(index).toContain('registrationDate');
  });

  it('an NDJSON file, in Markdown: names from the index and name slug, errors located by line', async () => {
    const dir = tmp();
    const file = join(dir, 'batch.ndjson');
    const a = { name: 'Acme Consulting (Chongqing) Co., Ltd.', registrationDate: '2017-03-15', industry: 'professional-services' };
    const b = { name: '重庆某公司', registrationDate: '2017-03-15' };
    writeFileSync(file, `${JSON.stringify(a)}\n\n{"name": 1}\n${JSON.stringify(b)}\n`);
    const out = join(dir, 'out');
    const r = await run(['report', file, '-o', out, '--format', 'markdown', '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('batch.ndjson:3:');
    expect(readdirSync(out).sort()).toEqual(['001-acme-consulting-chongqing-co-ltd.md', '003-enterprise.md', 'index.md']);
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    expect(index).toContain('(001-acme-consulting-chongqing-co-ltd.md)');
    expect(index).toMatch(/\| 2 \| ✘ .*batch\.ndjson:3/);
  });

  it('a batch without -o is a usage error', async () => {
    const r = await run(['report', 'fixtures/', '--format', 'html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-o');
    expect(existsSync(join(ROOT, 'fixtures', 'index.html'))).toBe(false);
  });
});

