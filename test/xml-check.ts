/**
 * A small well-formedness check for the XML the tests read (no XML library is a dependency):
 * one root, tags nested and closed in order, attributes quoted and not repeated, only the five
 * predefined entities or character references, no raw "<" or "&" in text. Returns the element
 * tree so that tests can check the structure.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function decode(s: string, where: string): string {
  const stripped = s.replace(ENTITY, '');
  if (/[<&]/.test(stripped)) throw new Error(`raw "<" or "&" in ${where}`);
  return s
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

export function parseXml(xml: string): XmlElement {
  let s = xml;
  const decl = /^<\?xml\s+version="1\.0"(\s+encoding="UTF-8")?\s*\?>\s*/.exec(s);
  if (!decl) throw new Error('missing XML declaration');
  s = s.slice(decl[0].length);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const TAG = /<(\/?)([^\s/>]+)((?:\s+[^\s=]+="[^"]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const text = s.slice(i, lt < 0 ? s.length : lt);
    if (text.trim()) {
      if (!stack.length) throw new Error(`text outside the root: ${text.slice(0, 20)}`);
      stack.at(-1)!.text += decode(text, `text of <${stack.at(-1)!.name}>`);
    }
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(s);
    if (!m) throw new Error(`malformed tag at ${lt}: ${s.slice(lt, lt + 40)}`);
    const [, closing, name, rawAttrs, selfClosing] = m;
    if (!NAME.test(name!)) throw new Error(`bad element name ${name}`);
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of rawAttrs!.matchAll(/([^\s=]+)="([^"]*)"/g)) {
        if (!NAME.test(a[1]!)) throw new Error(`bad attribute name ${a[1]}`);
        if (a[1]! in attrs) throw new Error(`attribute ${a[1]} repeated on <${name}>`);
        attrs[a[1]!] = decode(a[2]!, `attribute ${a[1]}`);
      }
      const el: XmlElement = { name: name!, attrs, children: [], text: '' };
      if (stack.length) stack.at(-1)!.children.push(el);
      else if (root) throw new Error('more than one root element');
      else root = el;
      if (!selfClosing) stack.push(el);
    }
    i = TAG.lastIndex;
  }
  if (stack.length) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}
