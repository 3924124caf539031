import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

/**
 * Where each node of a rule file stands, so that every problem found later (by the loader, the
 * compiler or `rules lint`) is reported with its line. Remembered per file as it is read.
 */
type YamlPath = (string | number)[];
const lineIndex = new Map<string, (path: YamlPath) => number | undefined>();
const lineMaps = new Map<string, Record<string, number>>();

export function rememberLines(file: string, doc: Document, lc: LineCounter): void {
  lineIndex.set(file, (path) => lineOf(doc, lc, path));
  lineMaps.set(file, allLines(doc, lc));
}

/** The line of every node of a file read, by its dotted path (what a precompiled rule set keeps). */
export function linesOf(file: string): Record<string, number> {
  return lineMaps.get(file) ?? {};
}

/**
 * The line of a YAML path (a mapping key's own line; else the nearest existing ancestor) in a
 * rule file this process has read with readRuleSource; undefined for files it has not read.
 * `rules lint` locates its own findings with it.
 */
export function yamlLine(file: string, path: YamlPath): number | undefined {
  return lineIndex.get(file)?.(path);
}

/** The line of the node at `path`; for a mapping key, the key's own line. */
function lineOf(doc: Document, lc: LineCounter, path: YamlPath): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = rangeLine(node, lc);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      line = rangeLine(pair.key, lc) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      node = node.items[seg];
      line = rangeLine(node, lc) ?? line;
    } else break;
  }
  return line;
}

/** The line of every node, by its dotted path; iterative, as the tree may be hostile (its depth is checked first). */
function allLines(doc: Document, lc: LineCounter): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  const stack: { node: unknown; path: string }[] = [{ node: doc.contents, path: '' }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    const at = (p: string, n: unknown) => {
      const line = rangeLine(n, lc);
      if (line !== undefined) out[p] = line;
    };
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const p = path ? `${path}.${String(pair.key.value)}` : String(pair.key.value);
        at(p, pair.key);
        stack.push({ node: pair.value, path: p });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = path ? `${path}.${i}` : String(i);
        at(p, item);
        stack.push({ node: item, path: p });
      });
    }
  }
  return out;
}

function rangeLine(node: unknown, lc: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lc.linePos(range[0]).line : undefined;
}
