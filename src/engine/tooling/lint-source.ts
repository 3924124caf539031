import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { PolicyDef } from '../rules/rule-schema.js';

/**
 * The source document of a rule set, read for `rules lint`: its whitespace-free text, and its
 * numbered articles (a paragraph opening with "12．") with the section they sit in and their
 * responsible departments ("（责任单位：市地税局、市国税局）"). Citations are checked against it.
 */
export interface SourceArticle {
  number: number;
  /** "四（二）": the top heading's numeral and the sub-heading's, as rule files write `section`. */
  section?: string;
  /** Line of the article's first paragraph in the document. */
  line: number;
  normalized: string;
  responsible: string[];
}

export interface SourceDocument {
  file: string;
  normalized: string;
  /** Article number -> its paragraphs (a number could repeat in a document; any of them counts). */
  articles: Map<number, SourceArticle[]>;
}

/** Whitespace is not part of the text: line breaks, indentation (U+3000) and spaces are dropped. */
export function normalizeText(s: string): string {
  return s.replace(/\s+/gu, '');
}

const ARTICLE = /^\s*(\d{1,3})[．.]/u;
const TOP_HEADING = /^\s*([一二三四五六七八九十]+)、/u;
const SUB_HEADING = /^\s*（([一二三四五六七八九十]+)）/u;
const RESPONSIBLE = /（责任单位：([^）]+)）/u;

export function parseSourceDocument(file: string, text: string): SourceDocument {
  const articles = new Map<number, SourceArticle[]>();
  let top: string | undefined;
  let sub: string | undefined;
  let current: { article: SourceArticle; lines: string[] } | undefined;
  const close = () => {
    if (!current) return;
    const raw = current.lines.join('\n');
    current.article.normalized = normalizeText(raw);
    const r = RESPONSIBLE.exec(current.article.normalized);
    current.article.responsible = r ? r[1]!.split('、').map((d) => d.trim()).filter(Boolean) : [];
    articles.set(current.article.number, [...(articles.get(current.article.number) ?? []), current.article]);
    current = undefined;
  };
  text.split(/\r?\n/).forEach((line, i) => {
    const a = ARTICLE.exec(line);
    const t = TOP_HEADING.exec(line);
    const s = SUB_HEADING.exec(line);
    if (a || t || s) close();
    if (t) {
      top = t[1];
      sub = undefined;
    } else if (s) {
      sub = s[1];
    }
    if (a) {
      const section = top ? `${top}${sub ? `（${sub}）` : ''}` : undefined;
      current = { article: { number: Number(a[1]), section, line: i + 1, normalized: '', responsible: [] }, lines: [] };
    }
    if (current) current.lines.push(line);
  });
  close();
  return { file, normalized: normalizeText(text), articles };
}

/** Where the document named by the manifest is looked for, in order; the first that exists wins. */
/** A place the source document may be: a file, and the folder it must stay inside (none for --source). */
export interface SourceCandidate {
  file: string;
  within?: string;
}

export function sourceCandidates(rulesDir: string, documentFile: string, opts: { source?: string; sourceDirs?: string[] }): SourceCandidate[] {
  if (opts.source) return [{ file: opts.source }];
  return [join(rulesDir, 'source'), ...(opts.sourceDirs ?? [])].map((within) => ({ file: join(within, documentFile), within }));
}

/** The shipped document is 30 KB; a "document" of megabytes is not one (`/dev/zero` never ends). */
export const MAX_SOURCE_BYTES = 2_000_000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The first candidate that exists, read with the checks any input gets: a regular file (a FIFO
 * would block, a device never end), inside its folder after links are followed (the manifest
 * names the file: `../../../../dev/zero` must not reach outside the rule set), at most
 * MAX_SOURCE_BYTES, UTF-8. `problem` says why the file found cannot be used.
 */
export function readSourceDocument(candidates: SourceCandidate[]): SourceDocument | { file: string; problem: string } | undefined {
  for (const { file, within } of candidates) {
    let st;
    try {
      st = statSync(file);
    } catch {
      continue;
    }
    if (within !== undefined && !isInside(file, within)) return { file, problem: `is outside ${within}; document.file must name a file in the rule set's source/ folder (or give the document with --source)` };
    if (!st.isFile()) return { file, problem: 'is not a regular file' };
    if (st.size > MAX_SOURCE_BYTES) return { file, problem: `is ${st.size} bytes; a source document may be at most ${MAX_SOURCE_BYTES}` };
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      return { file, problem: `cannot read: ${(e as Error).message}` };
    }
    if (bytes.length > MAX_SOURCE_BYTES) return { file, problem: `grew beyond ${MAX_SOURCE_BYTES} bytes while it was read` };
    try {
      return parseSourceDocument(file, utf8.decode(bytes));
    } catch {
      return { file, problem: 'is not UTF-8; save the document as UTF-8' };
    }
  }
  return undefined;
}

function isInside(file: string, dir: string): boolean {
  try {
    const d = realpathSync(dir);
    const f = realpathSync(file);
    return f.startsWith(d + sep);
  } catch {
    return false;
  }
}

/**
 * A citation may leave words out with an ellipsis (… or ……): each fragment must then be found,
 * in order. Without an ellipsis the whole text must be found as it stands.
 */
export function citationFragments(text: string): string[] {
  return normalizeText(text).split(/…+|\.{3,}/u).filter((f) => f.length > 0);
}

/** Whether the fragments occur in `haystack` in order. */
export function containsInOrder(haystack: string, fragments: string[]): boolean {
  let from = 0;
  for (const f of fragments) {
    const at = haystack.indexOf(f, from);
    if (at < 0) return false;
    from = at + f.length;
  }
  return true;
}

/**
 * For a fragment not in the document: the longest prefix that is, so that the message can show
 * where the citation departs from the source. Prefix presence is monotonic, hence the bisection.
 */
export function divergence(haystack: string, fragment: string): { matched: string; rest: string } {
  let lo = 0;
  let hi = fragment.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (haystack.includes(fragment.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return { matched: fragment.slice(0, lo), rest: fragment.slice(lo) };
}

export interface CitationFinding {
  severity: 'error' | 'warning';
  rule: 'citation-not-in-source' | 'citation-article' | 'citation-section' | 'citation-responsible' | 'citation-missing';
  path: (string | number)[];
  message: string;
}

const tail = (s: string, n: number) => (s.length > n ? `…${s.slice(-n)}` : s);
const head = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Checks one policy's citation against the document. */
export function checkCitation(def: PolicyDef, doc: SourceDocument): CitationFinding[] {
  const out: CitationFinding[] = [];
  const c = def.citation;
  const fragments = citationFragments(c.text);
  const base = doc.file.split(/[\\/]/).pop();
  for (const f of fragments) {
    if (doc.normalized.includes(f)) continue;
    const d = divergence(doc.normalized, f);
    out.push({
      severity: 'error',
      rule: 'citation-not-in-source',
      path: ['citation', 'text'],
      message: d.matched.length
        ? `citation text is not in ${base}: it follows the source up to "${tail(d.matched, 12)}", then has "${head(d.rest, 12)}"`
        : `citation text is not in ${base}: "${head(f, 16)}" is not found`,
    });
  }
  if (out.length || doc.articles.size === 0) return out;

  const own = doc.articles.get(def.article);
  if (!own) {
    out.push({ severity: 'error', rule: 'citation-article', path: ['article'], message: `${base} has no article ${def.article}` });
    return out;
  }
  const article = own.find((a) => containsInOrder(a.normalized, fragments));
  if (!article) {
    const elsewhere = [...doc.articles.values()].flat().find((a) => containsInOrder(a.normalized, fragments));
    out.push({
      severity: 'error',
      rule: 'citation-article',
      path: ['citation', 'text'],
      message: elsewhere
        ? `citation text is from article ${elsewhere.number} (line ${elsewhere.line} of ${base}), not article ${def.article}`
        : `citation text is in ${base} but not within article ${def.article} (line ${own[0]!.line})`,
    });
    return out;
  }
  if (!c.section) {
    out.push({ severity: 'warning', rule: 'citation-missing', path: ['citation'], message: `no citation.section; article ${def.article} is in section ${article.section ?? '?'}` });
  } else if (article.section && normalizeText(c.section) !== article.section) {
    out.push({ severity: 'warning', rule: 'citation-section', path: ['citation', 'section'], message: `section "${c.section}" but article ${def.article} is in section ${article.section}` });
  }
  if (article.responsible.length) {
    const listed = c.responsible.map(normalizeText);
    const extra = listed.filter((d) => !article.responsible.includes(d));
    const omitted = article.responsible.filter((d) => !listed.includes(d));
    if (extra.length) {
      out.push({ severity: 'warning', rule: 'citation-responsible', path: ['citation', 'responsible'], message: `${extra.join('、')} not among the responsible departments of article ${def.article} (${article.responsible.join('、')})` });
    }
    if (omitted.length) {
      out.push({ severity: 'warning', rule: 'citation-responsible', path: ['citation', 'responsible'], message: `article ${def.article} also names ${omitted.join('、')} as responsible` });
    }
  }
  return out;
}
