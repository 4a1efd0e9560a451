/**
 * Reading WordprocessingML with @xmldom/xmldom (no browser DOM: this runs in
 * Node and in extension pages alike): parsing a part, and finding w: children
 * and attributes the way Word and mammoth see them.
 */
import { DOMParser } from '@xmldom/xmldom';
import { DocxError } from './error';

/** WordprocessingML's namespace, in the transitional and the strict flavour of the format. */
const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export function parseXml(xml: string, part: string): Document {
  let problem: string | null = null;
  const note = (message: unknown) => {
    problem ??= String(message);
  };
  // Like mammoth, take any complaint (even a warning: an unclosed element is
  // one) as damage; mammoth would refuse the part anyway.
  const parser = new DOMParser({ errorHandler: { warning: note, error: note, fatalError: note } });
  let document: Document | undefined;
  try {
    document = parser.parseFromString(xml.replace(/^\ufeff/, ''), 'text/xml');
  } catch (cause) {
    throw new DocxError('corrupt', `The part ${part} is not well-formed XML`, { cause });
  }
  if (problem !== null || !document?.documentElement) {
    throw new DocxError('corrupt', `The part ${part} is not well-formed XML: ${problem ?? 'no root element'}`);
  }
  return document;
}

export function isW(node: Node, localName: string): node is Element {
  return node.nodeType === 1 && (node as Element).localName === localName && W_NAMESPACES.has((node as Element).namespaceURI ?? '');
}

/** The local name of a w: element; null for any other element. */
export function wName(element: Element): string | null {
  return W_NAMESPACES.has(element.namespaceURI ?? '') ? element.localName : null;
}

function isMc(node: Node, localName: string): node is Element {
  return node.nodeType === 1 && (node as Element).localName === localName && (node as Element).namespaceURI === MC_NAMESPACE;
}

/**
 * The element children of `element`, with markup-compatibility blocks
 * replaced by their fallback content, as mammoth reads them.
 */
export function elementChildren(element: Element): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    if (isMc(node, 'AlternateContent')) {
      const fallback = elementChildren(node as Element).find((child) => isMc(child, 'Fallback'));
      if (fallback) out.push(...elementChildren(fallback));
    } else {
      out.push(node as Element);
    }
  }
  return out;
}

export function wChild(element: Element | null | undefined, localName: string): Element | null {
  if (!element) return null;
  return elementChildren(element).find((child) => isW(child, localName)) ?? null;
}

export function wChildren(element: Element | null | undefined, localName: string): Element[] {
  return element ? elementChildren(element).filter((child) => isW(child, localName)) : [];
}

/** A w: attribute (w:val, w:ilvl…) of a w: element. */
export function wAttr(element: Element | null | undefined, localName: string): string | null {
  if (!element) return null;
  const ns = element.namespaceURI;
  if (ns && element.hasAttributeNS(ns, localName)) return element.getAttributeNS(ns, localName);
  return element.getAttribute(`w:${localName}`) || null;
}

export function wVal(element: Element | null | undefined): string | null {
  return wAttr(element, 'val');
}

export function intOrNull(value: string | null): number | null {
  if (value === null || !/^\s*-?\d+\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

/** An on/off property (w:b, w:isLgl, w:del…): present and not switched off. */
export function isOn(element: Element | null): boolean {
  if (!element) return false;
  const value = wVal(element);
  return value === null || !['0', 'false', 'off'].includes(value);
}
