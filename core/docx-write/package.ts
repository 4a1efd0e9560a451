/**
 * The package around the document: [Content_Types].xml, the relationships,
 * and docProps (title, dates, application).
 */
import { FOOTER_REL } from './document';
import { XML_DECLARATION, el, escapeText, wrap } from './xml';

const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export const PART = {
  contentTypes: '[Content_Types].xml',
  rootRels: '_rels/.rels',
  document: 'word/document.xml',
  documentRels: 'word/_rels/document.xml.rels',
  styles: 'word/styles.xml',
  settings: 'word/settings.xml',
  fontTable: 'word/fontTable.xml',
  footerOdd: 'word/footer1.xml',
  footerEven: 'word/footer2.xml',
  core: 'docProps/core.xml',
  app: 'docProps/app.xml',
} as const;

export function contentTypesXml(): string {
  const override = (part: string, type: string) => el('Override', { PartName: `/${part}`, ContentType: type });
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    el('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' }) +
    el('Default', { Extension: 'xml', ContentType: 'application/xml' }) +
    override(PART.document, `${WML}.document.main+xml`) +
    override(PART.styles, `${WML}.styles+xml`) +
    override(PART.settings, `${WML}.settings+xml`) +
    override(PART.fontTable, `${WML}.fontTable+xml`) +
    override(PART.footerOdd, `${WML}.footer+xml`) +
    override(PART.footerEven, `${WML}.footer+xml`) +
    override(PART.core, 'application/vnd.openxmlformats-package.core-properties+xml') +
    override(PART.app, 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>'
  );
}

function relationships(rels: [id: string, type: string, target: string][]): string {
  const items = rels.map(([id, type, target]) => el('Relationship', { Id: id, Type: type, Target: target })).join('');
  return `${XML_DECLARATION}<Relationships xmlns="${PKG_REL}">${items}</Relationships>`;
}

export function rootRelsXml(): string {
  return relationships([
    ['rId1', `${OFFICE_REL}/officeDocument`, PART.document],
    ['rId2', `${PKG_REL}/metadata/core-properties`, PART.core],
    ['rId3', `${OFFICE_REL}/extended-properties`, PART.app],
  ]);
}

/** Targets relative to word/. */
export function documentRelsXml(): string {
  const local = (part: string) => part.slice('word/'.length);
  return relationships([
    ['rId1', `${OFFICE_REL}/styles`, local(PART.styles)],
    ['rId2', `${OFFICE_REL}/settings`, local(PART.settings)],
    ['rId3', `${OFFICE_REL}/fontTable`, local(PART.fontTable)],
    [FOOTER_REL.odd, `${OFFICE_REL}/footer`, local(PART.footerOdd)],
    [FOOTER_REL.even, `${OFFICE_REL}/footer`, local(PART.footerEven)],
  ]);
}

/** W3CDTF without fractions of a second, as Word writes it. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function coreXml(title: string, date: Date): string {
  const stamp = (name: string) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${w3cdtf(date)}</dcterms:${name}>`;
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    wrap('dc:title', escapeText(title)) +
    stamp('created') +
    stamp('modified') +
    '</cp:coreProperties>'
  );
}

export function appXml(): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
    '<Application>Bixia</Application></Properties>'
  );
}
