/**
 * The parts of a Word package (a zip): the main document, found through the
 * package relationships as Word finds it, and its styles and numbering.
 */
import JSZip from 'jszip';
import { mentionsWordParts, sniffContainer } from './container';
import { DocxError } from './error';
import { elementChildren, parseXml } from './xml';

export interface WordPackage {
  zip: JSZip;
  documentPath: string;
  document: Document;
  styles: Document | null;
  numbering: Document | null;
}

/** Opens the package and parses the parts Bixia reads. Throws DocxError. */
export async function openWordPackage(bytes: Uint8Array): Promise<WordPackage> {
  const zip = await openZip(bytes);
  const parts = await findParts(zip);
  const [documentXml, stylesXml, numberingXml] = await Promise.all([
    readPart(zip, parts.document),
    parts.styles ? readPart(zip, parts.styles) : null,
    parts.numbering ? readPart(zip, parts.numbering) : null,
  ]);
  return {
    zip,
    documentPath: parts.document,
    document: parseXml(documentXml ?? '', parts.document),
    styles: stylesXml === null ? null : parseXml(stylesXml, parts.styles!),
    numbering: numberingXml === null ? null : parseXml(numberingXml, parts.numbering!),
  };
}

/**
 * The zip, or a DocxError that says what the file is instead. The file is
 * only sniffed when it does not open: the caller (core/report-file.ts) has
 * already sniffed it to choose this reader.
 */
async function openZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (cause) {
    const container = sniffContainer(bytes);
    if (container === 'ole-encrypted') throw new DocxError('encrypted', 'The document is encrypted (password protected)', { cause });
    if (container?.startsWith('ole-')) {
      throw new DocxError('not-docx', 'This is an OLE compound file (such as a legacy .doc), not a .docx', { cause });
    }
    // A damaged Word file still names its parts in the local headers at its start.
    if (container === 'zip' && mentionsWordParts(bytes)) throw new DocxError('corrupt', 'The Word document is damaged', { cause });
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
