/**
 * Reads a Word document (.docx) as plain text: one paragraph a line, table
 * cells paragraph by paragraph, line breaks kept, and every automatically
 * numbered paragraph prefixed by the number Word shows for it ("一、", "（二）",
 * "3.", "①"). The report parser finds a report's structure through those
 * numbers, and Word keeps them out of the text (w:numPr + word/numbering.xml).
 *
 * mammoth reads the document body (runs, fields, tracked changes, text boxes,
 * tables, symbols). It drops list numbers, so before it reads the document we
 * compute each numbered paragraph's number from numbering.xml and styles.xml
 * and mark the paragraph with a bookmark that mammoth keeps; the line of that
 * paragraph then gets its number in front.
 *
 * Works in Node and in an extension page: JSZip, @xmldom/xmldom and mammoth's
 * browser build; no browser DOM (DOMParser, innerHTML), no node: modules.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';

export type DocxErrorCode = 'corrupt' | 'encrypted' | 'not-docx' | 'empty';

/** Why a file could not be read as a Word document. */
export class DocxError extends Error {
  readonly code: DocxErrorCode;

  constructor(code: DocxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocxError';
    this.code = code;
  }
}

/**
 * The text of a .docx file, paragraphs separated by '\n', blank paragraphs
 * left out. Throws DocxError.
 */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  const ole = oleContainerKind(bytes);
  if (ole === 'encrypted') throw new DocxError('encrypted', 'The document is encrypted (password protected)');
  if (ole) throw new DocxError('not-docx', 'This is an OLE compound file (such as a legacy .doc), not a .docx');
  if (!isZip(bytes)) throw new DocxError('not-docx', 'This is not a zip package');

  const zip = await openZip(bytes);
  const parts = await findParts(zip);
  const [documentXml, stylesXml, numberingXml] = await Promise.all([
    readPart(zip, parts.document),
    parts.styles ? readPart(zip, parts.styles) : null,
    parts.numbering ? readPart(zip, parts.numbering) : null,
  ]);
  const document = parseXml(documentXml ?? '', parts.document);
  const styles = readStyles(stylesXml === null ? null : parseXml(stylesXml, parts.styles!));
  const numbering = readNumbering(numberingXml === null ? null : parseXml(numberingXml, parts.numbering!), styles);

  const markers = markNumberedParagraphs(document, numbering, styles);
  const lines = await readParagraphs(zip, parts.document, document, markers);
  const text = lines.filter((line) => !isBlank(line)).join('\n');
  if (text === '') throw new DocxError('empty', 'The document has no text');
  return text;
}

// ---------------------------------------------------------------------------
// Containers

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * What an OLE compound file (the container of .doc, .xls and of password
 * protected .docx) holds, from the names of its streams; null when `bytes`
 * is not an OLE file.
 */
export function oleContainerKind(bytes: Uint8Array): 'encrypted' | 'word' | 'other' | null {
  if (!OLE_SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  // Stream names are stored in UTF-16LE in the directory sectors. An encrypted
  // Office Open XML file keeps the package in "EncryptedPackage".
  if (includesUtf16le(bytes, 'EncryptedPackage')) return 'encrypted';
  if (includesUtf16le(bytes, 'WordDocument')) return 'word';
  return 'other';
}

export function isZip(bytes: Uint8Array): boolean {
  // A local file header, or the end record of an empty archive.
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function includesBytes(bytes: Uint8Array, needle: number[]): boolean {
  const last = bytes.length - needle.length;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function includesUtf16le(bytes: Uint8Array, ascii: string): boolean {
  return includesBytes(bytes, [...ascii].flatMap((ch) => [ch.charCodeAt(0), 0]));
}

/** True when the raw bytes name a part under word/, as a Word package's local headers do. */
function mentionsWordParts(bytes: Uint8Array): boolean {
  return includesBytes(bytes, [...'word/'].map((ch) => ch.charCodeAt(0)));
}

async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (cause) {
    // A damaged Word file still names its parts in the local headers at its start.
    if (mentionsWordParts(bytes)) throw new DocxError('corrupt', 'The Word document is damaged', { cause });
    throw new DocxError('not-docx', 'This is not a readable zip package', { cause });
  }
}

async function readPart(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  if (!file) return null;
  try {
    return await file.async('string');
  } catch (cause) {
    throw new DocxError('corrupt', `The part ${path} is damaged`, { cause });
  }
}

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_STYLES = '/styles';
const REL_NUMBERING = '/numbering';

interface Parts {
  document: string;
  styles: string | null;
  numbering: string | null;
}

/** The main document part and its styles and numbering parts, from the package relationships. */
async function findParts(zip: JSZip): Promise<Parts> {
  const rootRels = await readRelationships(zip, '', '_rels/.rels');
  const document = rootRels.find((rel) => rel.type.endsWith(REL_OFFICE_DOCUMENT) && zip.file(rel.target))?.target
    ?? 'word/document.xml';
  if (!zip.file(document)) throw new DocxError('not-docx', 'The package has no Word document part');
  const slash = document.lastIndexOf('/');
  const dir = document.slice(0, slash + 1);
  const rels = await readRelationships(zip, dir, `${dir}_rels/${document.slice(slash + 1)}.rels`);
  const find = (suffix: string, fallback: string) =>
    rels.find((rel) => rel.type.endsWith(suffix) && zip.file(rel.target))?.target ?? (zip.file(fallback) ? fallback : null);
  return {
    document,
    styles: find(REL_STYLES, 'word/styles.xml'),
    numbering: find(REL_NUMBERING, 'word/numbering.xml'),
  };
}

async function readRelationships(zip: JSZip, baseDir: string, path: string): Promise<{ type: string; target: string }[]> {
  const xml = await readPart(zip, path);
  if (xml === null) return [];
  const root = parseXml(xml, path).documentElement;
  if (!root) return [];
  const out: { type: string; target: string }[] = [];
  for (const rel of elementChildren(root)) {
    if (rel.localName !== 'Relationship' || rel.getAttribute('TargetMode') === 'External') continue;
    const target = rel.getAttribute('Target') ?? '';
    out.push({ type: rel.getAttribute('Type') ?? '', target: resolvePartPath(baseDir, target) });
  }
  return out;
}

function resolvePartPath(baseDir: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

// ---------------------------------------------------------------------------
// XML

const W_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

function parseXml(xml: string, part: string): Document {
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

function isW(node: Node, localName: string): node is Element {
  return node.nodeType === 1 && (node as Element).localName === localName && W_NAMESPACES.has((node as Element).namespaceURI ?? '');
}

function isMc(node: Node, localName: string): node is Element {
  return node.nodeType === 1 && (node as Element).localName === localName && (node as Element).namespaceURI === MC_NAMESPACE;
}

/**
 * The element children of `element`, with markup-compatibility blocks
 * replaced by their fallback content, as mammoth reads them.
 */
function elementChildren(element: Element): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    if (isMc(node, 'AlternateContent')) {
      const fallback = elementChildren(node).find((child) => isMc(child, 'Fallback'));
      if (fallback) out.push(...elementChildren(fallback));
    } else {
      out.push(node as Element);
    }
  }
  return out;
}

function wChild(element: Element | null | undefined, localName: string): Element | null {
  if (!element) return null;
  return elementChildren(element).find((child) => isW(child, localName)) ?? null;
}

function wChildren(element: Element | null | undefined, localName: string): Element[] {
  return element ? elementChildren(element).filter((child) => isW(child, localName)) : [];
}

/** A w: attribute (w:val, w:ilvl…) of a w: element. */
function wAttr(element: Element | null | undefined, localName: string): string | null {
  if (!element) return null;
  const ns = element.namespaceURI;
  if (ns && element.hasAttributeNS(ns, localName)) return element.getAttributeNS(ns, localName);
  return element.getAttribute(`w:${localName}`) || null;
}

function wVal(element: Element | null | undefined): string | null {
  return wAttr(element, 'val');
}

function intOrNull(value: string | null): number | null {
  if (value === null || !/^\s*-?\d+\s*$/.test(value)) return null;
  return Number.parseInt(value, 10);
}

/** An on/off property (w:isLgl, w:del…): present and not switched off. */
function isOn(element: Element | null): boolean {
  if (!element) return false;
  const value = wVal(element);
  return value === null || !['0', 'false', 'off'].includes(value);
}

// ---------------------------------------------------------------------------
// styles.xml

interface NumberingReference {
  numId: string | null;
  ilvl: number | null;
}

interface ParagraphStyle extends NumberingReference {
  basedOn: string | null;
}

interface Styles {
  paragraph: Map<string, ParagraphStyle>;
  /** Numbering styles (w:type="numbering"): their w:numId. */
  numbering: Map<string, string>;
  defaultParagraph: string | null;
}

function readStyles(document: Document | null): Styles {
  const styles: Styles = { paragraph: new Map(), numbering: new Map(), defaultParagraph: null };
  const root = document?.documentElement;
  if (!root) return styles;
  for (const style of wChildren(root, 'style')) {
    const id = wAttr(style, 'styleId');
    if (!id) continue;
    const reference = readNumPr(wChild(wChild(style, 'pPr'), 'numPr'));
    const type = wAttr(style, 'type') ?? 'paragraph';
    if (type === 'paragraph') {
      styles.paragraph.set(id, { ...reference, basedOn: wVal(wChild(style, 'basedOn')) });
      if (styles.defaultParagraph === null && isDefault(style)) styles.defaultParagraph = id;
    } else if (type === 'numbering' && reference.numId !== null) {
      styles.numbering.set(id, reference.numId);
    }
  }
  return styles;
}

function isDefault(style: Element): boolean {
  const value = wAttr(style, 'default');
  return value === '1' || value === 'true' || value === 'on';
}

function readNumPr(numPr: Element | null): NumberingReference {
  return { numId: wVal(wChild(numPr, 'numId')), ilvl: intOrNull(wVal(wChild(numPr, 'ilvl'))) };
}

// ---------------------------------------------------------------------------
// numbering.xml

interface LevelDefinition {
  format: string;
  /** w:lvlText, e.g. "%1、" or "（%2）"; null when the level shows no text. */
  text: string | null;
  start: number;
  /** w:lvlRestart: null restarts after any more major level, 0 never, n after level n (1-based). */
  restartAfter: number | null;
  /** w:isLgl: every number in the text shown as a decimal. */
  legal: boolean;
  /** w:suff: what separates the number from the text. */
  suffix: 'tab' | 'space' | 'nothing';
}

interface AbstractNumbering {
  levels: Map<number, LevelDefinition>;
  numStyleLink: string | null;
}

interface NumberingInstance {
  abstractId: string;
  levels: Map<number, LevelDefinition>;
  startOverrides: Map<number, number>;
}

interface Numbering {
  /** The list of a w:numId, or null when the document does not define it. */
  resolve(numId: string): ResolvedList | null;
}

/** A list as a paragraph sees it: the shared definition its counters belong to, and its levels. */
interface ResolvedList {
  /** Counters are kept per abstract numbering: Word continues them across w:num instances. */
  key: string;
  instance: NumberingInstance;
  level(ilvl: number): LevelDefinition | undefined;
}

function readNumbering(document: Document | null, styles: Styles): Numbering {
  const abstracts = new Map<string, AbstractNumbering>();
  const instances = new Map<string, NumberingInstance>();
  const root = document?.documentElement;
  if (root) {
    for (const element of wChildren(root, 'abstractNum')) {
      const id = wAttr(element, 'abstractNumId');
      if (id === null) continue;
      abstracts.set(id, { levels: readLevels(wChildren(element, 'lvl')), numStyleLink: wVal(wChild(element, 'numStyleLink')) });
    }
    for (const element of wChildren(root, 'num')) {
      const id = wAttr(element, 'numId');
      const abstractId = wVal(wChild(element, 'abstractNumId'));
      if (id === null || abstractId === null) continue;
      const levels = new Map<number, LevelDefinition>();
      const startOverrides = new Map<number, number>();
      for (const override of wChildren(element, 'lvlOverride')) {
        const ilvl = intOrNull(wAttr(override, 'ilvl'));
        if (ilvl === null) continue;
        const start = intOrNull(wVal(wChild(override, 'startOverride')));
        if (start !== null) startOverrides.set(ilvl, start);
        const lvl = wChild(override, 'lvl');
        if (lvl) levels.set(ilvl, readLevel(lvl));
      }
      instances.set(id, { abstractId, levels, startOverrides });
    }
  }

  const resolve = (numId: string): ResolvedList | null => {
    const instance = instances.get(numId);
    if (!instance) return null;
    let key = instance.abstractId;
    const seen = new Set<string>();
    // A list that takes its levels from a numbering style (w:numStyleLink)
    // uses the abstract numbering that style's own w:num points to.
    for (;;) {
      const abstract = abstracts.get(key);
      if (!abstract) return null;
      if (abstract.numStyleLink === null || seen.has(key)) break;
      seen.add(key);
      const linkedNumId = styles.numbering.get(abstract.numStyleLink);
      const linked = linkedNumId === undefined ? undefined : instances.get(linkedNumId);
      if (!linked || !abstracts.has(linked.abstractId)) break;
      key = linked.abstractId;
    }
    const levels = abstracts.get(key)!.levels;
    return { key, instance, level: (ilvl) => instance.levels.get(ilvl) ?? levels.get(ilvl) };
  };

  return { resolve };
}

function readLevels(elements: Element[]): Map<number, LevelDefinition> {
  const levels = new Map<number, LevelDefinition>();
  for (const lvl of elements) {
    // A level without w:ilvl is taken as level 0, as mammoth does.
    const ilvl = intOrNull(wAttr(lvl, 'ilvl')) ?? 0;
    if (!levels.has(ilvl)) levels.set(ilvl, readLevel(lvl));
  }
  return levels;
}

function readLevel(lvl: Element): LevelDefinition {
  const lvlText = wChild(lvl, 'lvlText');
  const suffix = wVal(wChild(lvl, 'suff'));
  return {
    format: wVal(wChild(lvl, 'numFmt')) ?? 'decimal',
    text: lvlText ? (wVal(lvlText) ?? '') : null,
    // ECMA-376 17.9.25: without w:start a level starts at 0.
    start: intOrNull(wVal(wChild(lvl, 'start'))) ?? 0,
    restartAfter: intOrNull(wVal(wChild(lvl, 'lvlRestart'))),
    legal: isOn(wChild(lvl, 'isLgl')),
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
  };
}

// ---------------------------------------------------------------------------
// Numbering the paragraphs

const MAX_LEVELS = 9;
const BOOKMARK_PREFIX = '__bixia_number_';

/**
 * Walks the document's paragraphs in order, as Word counts them, and marks
 * each numbered one with a bookmark named after its index in the returned
 * list of markers.
 */
function markNumberedParagraphs(document: Document, numbering: Numbering, styles: Styles): string[] {
  const markers: string[] = [];
  const counters = new Map<string, (number | undefined)[]>();
  const startedLevels = new Set<string>();

  const numberParagraph = (paragraph: Element): string | null => {
    const pPr = wChild(paragraph, 'pPr');
    // A paragraph whose mark is deleted (tracked change) merges into the next one.
    if (isOn(wChild(wChild(pPr, 'rPr'), 'del'))) return null;
    const reference = paragraphNumbering(pPr, styles);
    if (!reference) return null;
    const list = numbering.resolve(reference.numId);
    const ilvl = reference.ilvl;
    const definition = list?.level(ilvl);
    if (!list || !definition || ilvl < 0 || ilvl >= MAX_LEVELS) return null;

    let counts = counters.get(list.key);
    if (!counts) counters.set(list.key, (counts = []));
    const override = list.instance.startOverrides.get(ilvl);
    const started = `${reference.numId}:${ilvl}`;
    if (override !== undefined && !startedLevels.has(started)) {
      // "Restart numbering" / "Set numbering value": the instance's first
      // paragraph at this level starts again from the override.
      counts[ilvl] = override;
    } else {
      const current = counts[ilvl];
      counts[ilvl] = current === undefined ? definition.start : current + 1;
    }
    startedLevels.add(started);
    for (let deeper = ilvl + 1; deeper < MAX_LEVELS; deeper++) {
      if (restartsAfter(list.level(deeper)?.restartAfter ?? null, ilvl)) counts[deeper] = undefined;
    }
    return levelMarker(definition, list, counts);
  };

  const visit = (element: Element) => {
    for (const child of elementChildren(element)) {
      // Deleted and moved-away content is not part of the document mammoth reads.
      if (isW(child, 'del') || isW(child, 'moveFrom')) continue;
      if (isW(child, 'p')) {
        const marker = numberParagraph(child);
        if (marker) {
          insertBookmark(document, child, `${BOOKMARK_PREFIX}${markers.length}`);
          markers.push(marker);
        }
      }
      visit(child);
      // mammoth skips a simple field (a date, a page number) with its text; keep the text.
      if (isW(child, 'fldSimple')) unwrap(child);
    }
  };
  visit(document.documentElement!);
  return markers;
}

function restartsAfter(restartAfter: number | null, usedLevel: number): boolean {
  if (restartAfter === null) return true;
  if (restartAfter === 0) return false;
  return usedLevel <= restartAfter - 1;
}

/** numId and level of a paragraph: its own w:numPr, else its style's (w:basedOn followed). */
function paragraphNumbering(pPr: Element | null, styles: Styles): { numId: string; ilvl: number } | null {
  const direct = readNumPr(wChild(pPr, 'numPr'));
  let numId = direct.numId;
  let ilvl = direct.ilvl;
  const seen = new Set<string>();
  let styleId: string | null = wVal(wChild(pPr, 'pStyle')) ?? styles.defaultParagraph;
  while (styleId !== null && !seen.has(styleId) && (numId === null || ilvl === null)) {
    seen.add(styleId);
    const style = styles.paragraph.get(styleId);
    if (!style) break;
    numId ??= style.numId;
    ilvl ??= style.ilvl;
    styleId = style.basedOn;
  }
  // numId 0 takes a paragraph out of its style's list.
  if (numId === null || numId === '0') return null;
  return { numId, ilvl: ilvl ?? 0 };
}

/** The number Word shows in front of a paragraph, e.g. "一、" or "（二）"; '' for bullets. */
function levelMarker(definition: LevelDefinition, list: ResolvedList, counts: (number | undefined)[]): string {
  if (definition.format === 'bullet' || definition.text === null) return '';
  const text = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
    const ilvl = Number(digit) - 1;
    const level = list.level(ilvl);
    const value = counts[ilvl] ?? level?.start ?? 1;
    return formatListNumber(value, definition.legal ? 'decimal' : (level?.format ?? 'decimal'));
  });
  if (text.trim() === '') return '';
  // Word puts a tab (or a space) after the number. A number that ends in a
  // letter or digit ("1", "A") keeps one space so it does not run into the
  // text; after punctuation ("一、", "（一）", "1.") the text follows at once.
  return definition.suffix !== 'nothing' && /[0-9A-Za-z]$/.test(text) ? `${text} ` : text;
}

function unwrap(element: Element) {
  const parent = element.parentNode!;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

function insertBookmark(document: Document, paragraph: Element, name: string) {
  const ns = paragraph.namespaceURI;
  const prefix = paragraph.prefix ? `${paragraph.prefix}:` : '';
  const bookmark = document.createElementNS(ns, `${prefix}bookmarkStart`);
  bookmark.setAttributeNS(ns, `${prefix}id`, '0');
  bookmark.setAttributeNS(ns, `${prefix}name`, name);
  const pPr = wChild(paragraph, 'pPr');
  paragraph.insertBefore(bookmark, pPr ? pPr.nextSibling : paragraph.firstChild);
}

// ---------------------------------------------------------------------------
// Number formats (w:numFmt)

const CN_DIGITS = '〇一二三四五六七八九';
const CN_UNITS = ['', '十', '百', '千'];
const LEGAL_SIMPLIFIED_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const LEGAL_SIMPLIFIED_UNITS = ['', '拾', '佰', '仟'];
const LEGAL_TRADITIONAL_DIGITS = '零壹貳參肆伍陸柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/**
 * A list number in one of Word's formats (w:numFmt), e.g. 11 in
 * chineseCounting is 十一 and 3 in decimalEnclosedCircle is ③. Formats this
 * does not know are shown as decimals.
 */
export function formatListNumber(value: number, format: string): string {
  const n = Math.trunc(value);
  switch (format) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'ideographEnclosedCircle':
      return enclosed(n, 0x3280, 10);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'ordinal':
      return ordinal(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n, CN_DIGITS, CN_UNITS, true);
    case 'chineseLegalSimplified':
      return chineseNumber(n, LEGAL_SIMPLIFIED_DIGITS, LEGAL_SIMPLIFIED_UNITS, false);
    case 'ideographLegalTraditional':
      return chineseNumber(n, LEGAL_TRADITIONAL_DIGITS, LEGAL_SIMPLIFIED_UNITS, false);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return n >= 0 ? String(n).replace(/[0-9]/g, (d) => CN_DIGITS[Number(d)]!) : String(n);
    case 'ideographTraditional':
      return cyclic(n, HEAVENLY_STEMS);
    case 'ideographZodiac':
      return cyclic(n, EARTHLY_BRANCHES);
    default:
      return String(n);
  }
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCharCode(first + n - 1) : String(n);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** Word's letters: A…Z, then AA…ZZ, then AAA… */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(0x41 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function ordinal(n: number): string {
  const tens = Math.abs(n) % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][Math.abs(n) % 10] ?? 'th');
  return `${n}${suffix}`;
}

function cyclic(n: number, symbols: string): string {
  return n >= 1 ? symbols[(n - 1) % symbols.length]! : String(n);
}

/**
 * Chinese numerals below 10000: 11 → 十一, 20 → 二十, 105 → 一百零五. With
 * `dropLeadingOne`, 10–19 are written 十, 十一… as Word's counting formats do
 * (legal formats keep 壹拾).
 */
function chineseNumber(n: number, digits: string, units: string[], dropLeadingOne: boolean): string {
  if (n === 0) return digits[0]!;
  if (n < 0 || n >= 10000) return String(n);
  const zero = '零';
  let out = '';
  let pendingZero = false;
  const places = String(n).split('').map(Number);
  places.forEach((digit, index) => {
    const unit = units[places.length - 1 - index]!;
    if (digit === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += zero;
    pendingZero = false;
    out += digits[digit]! + unit;
  });
  if (dropLeadingOne && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

// ---------------------------------------------------------------------------
// Reading the text through mammoth

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  name?: string;
}

/**
 * The document's paragraphs as lines, each numbered paragraph with its marker.
 * The marked document goes to mammoth in a copy of the package without its
 * media, which mammoth would only read to convert images.
 */
async function readParagraphs(zip: JSZip, documentPath: string, document: Document, markers: string[]): Promise<string[]> {
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/i.test(name)) zip.remove(name);
  }
  zip.file(documentPath, new XMLSerializer().serializeToString(document));
  const arrayBuffer = await zip.generateAsync({ type: 'arraybuffer' });

  let body: MammothElement | null = null;
  try {
    await mammoth.convertToHtml(
      // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`;
      // both take an ArrayBuffer.
      { arrayBuffer, buffer: arrayBuffer as unknown as Buffer },
      {
        transformDocument: (element: MammothElement) => {
          body = element;
          // The HTML is not needed: give mammoth nothing to convert.
          return { ...element, children: [] };
        },
      },
    );
  } catch (cause) {
    throw new DocxError('corrupt', 'The Word document could not be read', { cause });
  }
  if (!body) throw new DocxError('corrupt', 'The Word document could not be read');
  const lines: string[] = [];
  collectLines(body, markers, lines);
  return lines;
}

function collectLines(element: MammothElement, markers: string[], lines: string[]) {
  if (element.type === 'paragraph') {
    const state = { text: '', marker: '' };
    inlineText(element, markers, state);
    // Page and column breaks around a paragraph's text are no lines of their own.
    lines.push(state.marker + state.text.replace(/^\n+|\n+$/g, ''));
    return;
  }
  for (const child of element.children ?? []) collectLines(child, markers, lines);
}

function inlineText(element: MammothElement, markers: string[], state: { text: string; marker: string }) {
  switch (element.type) {
    case 'text':
      state.text += element.value ?? '';
      return;
    case 'tab':
      state.text += '\t';
      return;
    case 'break':
      state.text += '\n';
      return;
    case 'bookmarkStart':
      if (element.name?.startsWith(BOOKMARK_PREFIX)) {
        state.marker = markers[Number(element.name.slice(BOOKMARK_PREFIX.length))] ?? '';
      }
      return;
    default:
      for (const child of element.children ?? []) inlineText(child, markers, state);
  }
}

function isBlank(line: string): boolean {
  return /^[\s\u3000\u00a0\u200b\ufeff]*$/.test(line);
}
