/**
 * A small XML reader for the tests (no XML library in the project): enough for what
 * `serializeXmlDocument` writes, which is all it is used on — elements, attributes, text, the five
 * entities and numeric references. It throws on anything it does not understand, mismatched tags
 * included, so a malformed document fails the test instead of being half read.
 */
export type XmlNode = {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
};

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    const char = ENTITIES[entity];
    if (char === undefined) throw new Error(`Unknown entity ${whole}`);
    return char;
  });
}

const TOKEN =
  /<\?[^?]*\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;

export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < xml.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(xml);
    if (!match) throw new Error(`Unreadable XML at ${start}: ${xml.slice(start, start + 40)}`);
    const [, closing, opening, attributes = '', selfClosing, text] = match;
    const current = stack[stack.length - 1]!;
    if (closing) {
      if (current.name !== closing) throw new Error(`</${closing}> closes <${current.name}>`);
      stack.pop();
    } else if (opening) {
      const node: XmlNode = { name: opening, attributes: {}, children: [], text: '' };
      for (const [, key, value] of attributes.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
        node.attributes[key!] = decode(value!);
      }
      current.children.push(node);
      if (!selfClosing) stack.push(node);
    } else if (text !== undefined) {
      if (/[<>]/.test(text)) throw new Error(`Stray markup in text: ${text}`);
      current.text += decode(text);
    }
  }
  if (stack.length !== 1) throw new Error(`Unclosed <${stack[stack.length - 1]!.name}>`);
  const [document] = root.children;
  if (!document || root.children.length !== 1) throw new Error('Expected one root element');
  return document;
}

/** Every node at the end of a path of child names: `all(root, 'a/b/c')`. */
export function all(node: XmlNode, path: string): XmlNode[] {
  return path
    .split('/')
    .reduce<XmlNode[]>(
      (nodes, name) => nodes.flatMap((n) => n.children.filter((child) => child.name === name)),
      [node],
    );
}

/** The text of the one node at that path; throws when there is none or several. */
export function one(node: XmlNode, path: string): string {
  const found = all(node, path);
  if (found.length !== 1) throw new Error(`Expected one ${path}, found ${found.length}`);
  return found[0]!.text;
}

/** Parses a CII decimal (`123.45`) to integer cents, refusing more than two decimals. */
export function toCents(amount: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`Not a two-decimal amount: ${amount}`);
  const cents = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -cents : cents;
}
