/**
 * The parts of a Word package (a zip): the main document, found through the
 * package relationships as Word finds it, and its styles and numbering.
 */
import JSZip from 'jszip';
import { DOCX_UNPACK_LIMITS, type UnpackLimits, readPartsBounded } from './bounded-read';
import { mentionsWordParts, sniffContainer } from './container';
import { DocxError } from './error';
import { elementChildren, parseXml } from './xml';

export interface WordPackage {
  /** Every XML part of the package (relationships included) by path, unpacked: what mammoth reads too. */
  parts: Map<string, string>;
  documentPath: string;
  document: Document;
  styles: Document | null;
  numbering: Document | null;
}

/**
 * Opens the package and parses the parts Bixia reads. Only the XML parts are
 * unpacked, within `limits`; images and other media never are. Throws DocxError.
 */
export async function openWordPackage(bytes: Uint8Array, limits: UnpackLimits = DOCX_UNPACK_LIMITS): Promise<WordPackage> {
  const zip = await openZip(bytes);
  const xmlPaths = Object.values(zip.files)
    .filter((file) => !file.dir && /\.(xml|rels)$/i.test(file.name))
    .map((file) => file.name);
  const parts = await readPartsBounded(zip, xmlPaths, limits);
  const found = findParts(parts);
  const parse = (path: string | null) => (path === null ? null : parseXml(parts.get(path)!, path));
  return {
    parts,
    documentPath: found.document,
    document: parseXml(parts.get(found.document)!, found.document),
    styles: parse(found.styles),
    numbering: parse(found.numbering),
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

const REL_OFFICE_DOCUMENT = '/officeDocument';
const REL_STYLES = '/styles';
const REL_NUMBERING = '/numbering';

interface Parts {
  document: string;
  styles: string | null;
  numbering: string | null;
}

/** The main document part and its styles and numbering parts, from the package relationships. */
function findParts(parts: ReadonlyMap<string, string>): Parts {
  const rootRels = readRelationships(parts, '', '_rels/.rels');
  const document = rootRels.find((rel) => rel.type.endsWith(REL_OFFICE_DOCUMENT) && parts.has(rel.target))?.target
    ?? 'word/document.xml';
  if (!parts.has(document)) throw new DocxError('not-docx', 'The package has no Word document part');
  const slash = document.lastIndexOf('/');
  const dir = document.slice(0, slash + 1);
  const rels = readRelationships(parts, dir, `${dir}_rels/${document.slice(slash + 1)}.rels`);
  const find = (suffix: string, fallback: string) =>
    rels.find((rel) => rel.type.endsWith(suffix) && parts.has(rel.target))?.target ?? (parts.has(fallback) ? fallback : null);
  return {
    document,
    styles: find(REL_STYLES, 'word/styles.xml'),
    numbering: find(REL_NUMBERING, 'word/numbering.xml'),
  };
}

function readRelationships(parts: ReadonlyMap<string, string>, baseDir: string, path: string): { type: string; target: string }[] {
  const xml = parts.get(path);
  if (xml === undefined) return [];
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
