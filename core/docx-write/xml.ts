/**
 * Writing XML as strings: text and attribute escaping, and the elements every
 * part repeats. Everything the user wrote goes through `escapeText` or
 * `escapeAttr`, which also drop the characters XML 1.0 cannot hold.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** WordprocessingML's namespaces, as the parts declare them. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * Characters outside XML 1.0's Char production: C0 controls but tab, line
 * feed and carriage return; lone surrogates; U+FFFE and U+FFFF.
 */
const ILLEGAL_XML_RE = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL_XML_RE, '');
}

/** Element content: & and < escaped, > too so that "]]>" never appears. */
export function escapeText(text: string): string {
  return stripIllegalXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes; tab and line breaks as references so parsers keep them. */
export function escapeAttr(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** An empty element with attributes, in the given order: el('w:sz', { 'w:val': 32 }) → <w:sz w:val="32"/>. */
export function el(name: string, attributes: Record<string, string | number> = {}): string {
  return `<${name}${attrs(attributes)}/>`;
}

/** An element around already-built XML content; none when the content is empty and `keepEmpty` is false. */
export function wrap(name: string, content: string, attributes: Record<string, string | number> = {}, keepEmpty = false): string {
  if (content === '' && !keepEmpty) return '';
  return `<${name}${attrs(attributes)}>${content}</${name}>`;
}

function attrs(attributes: Record<string, string | number>): string {
  let out = '';
  for (const [key, value] of Object.entries(attributes)) out += ` ${key}="${escapeAttr(String(value))}"`;
  return out;
}

/** w:val="…" elements, the commonest shape in WordprocessingML. */
export function wVal(name: string, value: string | number): string {
  return el(`w:${name}`, { 'w:val': value });
}
