/**
 * The few lines of XML writing the CII needs: elements, attributes, escaped text, a fixed
 * two-space indentation, so the same invoice always gives the same bytes (its SHA-256 is stored
 * at issue and the PDF embeds the identical file).
 */

export type XmlElement = {
  name: string;
  attributes: ReadonlyArray<readonly [string, string]>;
  children: ReadonlyArray<XmlElement>;
  text: string | null;
};

type Child = XmlElement | null | undefined | false;

/** XML 1.0 cannot carry C0 controls other than tab, LF and CR, nor U+FFFE and U+FFFF. */
function isXmlChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code !== 0xfffe && code !== 0xffff;
}

function removeInvalidXmlChars(value: string): string {
  let result = '';
  for (const char of value) if (isXmlChar(char)) result += char;
  return result;
}

export function escapeXmlText(value: string): string {
  return removeInvalidXmlChars(value)
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** An element holding other elements; null, undefined and false children are left out. */
export function element(
  name: string,
  children: ReadonlyArray<Child>,
  attributes: Record<string, string> = {},
): XmlElement {
  return {
    name,
    attributes: Object.entries(attributes),
    children: children.filter((child): child is XmlElement => Boolean(child)),
    text: null,
  };
}

/** An element holding text. */
export function leaf(name: string, text: string, attributes: Record<string, string> = {}) {
  return { name, attributes: Object.entries(attributes), children: [], text } as XmlElement;
}

function serialize(node: XmlElement, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = node.attributes
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(value)}"`)
    .join('');
  if (node.text !== null) {
    out.push(`${indent}<${node.name}${attributes}>${escapeXmlText(node.text)}</${node.name}>`);
  } else if (node.children.length === 0) {
    out.push(`${indent}<${node.name}${attributes}/>`);
  } else {
    out.push(`${indent}<${node.name}${attributes}>`);
    for (const child of node.children) serialize(child, depth + 1, out);
    out.push(`${indent}</${node.name}>`);
  }
}

export function serializeXmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  serialize(root, 0, out);
  return `${out.join('\n')}\n`;
}
