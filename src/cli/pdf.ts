import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, isAbsolute, join } from 'node:path';
import { PolicyCalcError } from '../engine/index.js';
import type { Lang } from '../render/labels.js';
import type { PrintTemplates } from '../render/print-templates.js';

/**
 * PDF output: the HTML report printed by the system's Chromium (Debian's `chromium`), driven by
 * playwright-core over the DevTools protocol. No browser is ever downloaded: the executable is
 * CHROMIUM_PATH or the first of `chromium`, `chromium-browser` on PATH. The running header and
 * page numbers are Chromium's print templates (Page.printToPDF displayHeaderFooter), which also
 * replace the browser's default header (a file:// path and a date).
 */
const NAMES = ['chromium', 'chromium-browser'];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions'];

const NOT_FOUND = {
  zh: '找不到 Chromium，无法输出 PDF：请安装 chromium（如 apt-get install chromium），或用 CHROMIUM_PATH 指明其位置；也可以输出 .html 后用浏览器打印',
  en: 'no Chromium found to print the PDF: install chromium (e.g. apt-get install chromium) or name it with CHROMIUM_PATH, or write .html and print it from a browser',
};
const FAILED = {
  zh: 'Chromium 无法启动，未能输出 PDF（{why}）；可以输出 .html 后用浏览器打印',
  en: 'Chromium did not start, so no PDF was printed ({why}); write .html and print it from a browser',
};

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH when set (it must then be there), else chromium or chromium-browser on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.CHROMIUM_PATH?.trim();
  if (named) return executable(named) ? named : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue; // a relative PATH entry would run whatever the current folder holds
    for (const name of NAMES) {
      const file = join(dir, name);
      if (executable(file)) return file;
    }
  }
  return null;
}

export interface Printer {
  print(html: string, templates: PrintTemplates): Promise<Buffer>;
  close(): Promise<void>;
}

/** Starts Chromium once; a batch prints every report with it. */
export async function openPrinter(lang: Lang): Promise<Printer> {
  const path = findChromium();
  if (!path) throw new PolicyCalcError('USAGE', NOT_FOUND[lang]);
  // require, not import(): the bundled CLI runs in a vm.Script, which has no dynamic-import hook.
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath: path, args: ARGS, timeout: 60_000 });
  } catch (e) {
    const why = (e as Error).message.split('\n')[0]!.slice(0, 200);
    throw new PolicyCalcError('USAGE', [{ file: path, message: FAILED[lang].replace('{why}', why) }]);
  }
  const context = await browser.newContext({ javaScriptEnabled: false });
  return {
    async print(html, templates) {
      const page = await context.newPage();
      try {
        // The report fetches nothing (its CSP says so too); anything it asked for would be refused.
        await page.route(/^(?!data:|about:)/, (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        return await page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: templates.header,
          footerTemplate: templates.footer,
        });
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
}
