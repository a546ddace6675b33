import { XMLParser } from 'fast-xml-parser';
import { REPEATED } from './report';

/** An element as fast-xml-parser gives it: children by local name, attributes as "@_Name", text as "#text". */
export type XmlNode = { [name: string]: unknown };

/**
 * Entity processing is off: no DOCTYPE reaches the parser (refused before), and the five predefined
 * entities and character references of the text we read are decoded by `decodeXmlText`, nothing else.
 * Values stay strings (no number parsing: "00012.50" is an amount, not a float).
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

export function parseXmlTree(xml: string): XmlNode {
  return parser.parse(xml) as XmlNode;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

export function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|apos|quot|#\d+|#x[0-9a-fA-F]+);/gu, (_, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return PREDEFINED[name] ?? '';
  });
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single child element `name` (the first when repeated). */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (isNode(first)) return first;
  if (typeof first === 'string') return { '#text': first };
  return undefined;
}

/** Every child element `name`, in document order. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => (isNode(item) ? item : { '#text': String(item) }));
}

/** The decoded text of an element, or of its child `name`. */
export function textOf(node: XmlNode | string | undefined, name?: string): string | undefined {
  const element = name === undefined ? node : child(typeof node === 'string' ? undefined : node, name);
  if (element === undefined) return undefined;
  if (typeof element === 'string') return decodeXmlText(element);
  const text = element['#text'];
  return text === undefined ? undefined : decodeXmlText(String(text));
}

/** The decoded texts of every child `name` (AddtlInf lines), joined by a space; undefined when none. */
export function joinedTexts(node: XmlNode | undefined, name: string): string | undefined {
  const texts = children(node, name)
    .map((item) => textOf(item))
    .filter((text): text is string => text !== undefined && text !== '');
  return texts.length > 0 ? texts.join(' ') : undefined;
}
