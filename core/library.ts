/**
 * The library model shared by every surface (popup, side panel, import, export,
 * the command line). Its JSON form is documented in docs/library-format.md.
 */
import { fnv1a } from './hash';
import { findPhrases, type PhraseType } from './phrases';
import { applyPlaceholderRules, type PlaceholderRule } from './placeholders';
import {
  type ParsedReport,
  type ReportNode,
  documentText,
  joinBlocks,
  nodeText,
  parseReport,
} from './report-parser';

export const LIBRARY_FORMAT = 'bixia-library';
export const LIBRARY_FORMAT_VERSION = 1;

export type EntryKind = 'template' | 'snippet';

export interface Entry {
  /** Stable: the same text parsed again gives the same id. */
  id: string;
  kind: EntryKind;
  title: string;
  /** Exactly the text that gets inserted, with `{{名称|默认值}}` placeholders. */
  body: string;
  /** Section titles from the top, numbering removed; [] for the whole report. */
  path: string[];
  tags: string[];
  /** When the user created or last changed it (ms since 1970); absent for parsed entries never edited. */
  createdAt?: number;
  updatedAt?: number;
}

export interface Collection {
  id: string;
  name: string;
  /** True for the built-in collection, which the user can copy from but not change. */
  readOnly: boolean;
  entries: Entry[];
  /** User collections: when created and last changed (ms since 1970), and where they came from. */
  createdAt?: number;
  updatedAt?: number;
  /** The file or action a user collection came from, e.g. "2025年党性分析.docx". */
  source?: string;
}

export interface LibraryDocument {
  format: typeof LIBRARY_FORMAT;
  version: typeof LIBRARY_FORMAT_VERSION;
  collections: Collection[];
  /** In a backup: ids of the user's favourite entries (built-in ones included). */
  favorites?: string[];
  /** In a backup: the values the user last gave each placeholder. */
  placeholderValues?: Record<string, string>;
  /** In a backup: when it was made (ISO 8601). */
  exportedAt?: string;
}

/** Tags the parser gives, in Chinese as the user sees them. */
export const TAGS = {
  document: '全文',
  section: '章节',
  item: '条目',
  series: '排比',
  pair: '对仗',
  sentence: '句式',
} as const;

const PHRASE_TAG: Record<PhraseType | 'heading', string> = {
  series: TAGS.series,
  pair: TAGS.pair,
  sentence: TAGS.sentence,
  heading: TAGS.sentence,
};

export interface BuildOptions {
  /** Namespace for entry ids, e.g. "builtin" or a user collection's id. */
  collectionId: string;
  /** Collection name; the report's title when omitted. */
  name?: string;
  readOnly?: boolean;
  /** Used when the text has no title line. */
  fallbackTitle?: string;
  placeholders?: readonly PlaceholderRule[];
}

export function buildCollection(text: string, options: BuildOptions): Collection {
  const report = parseReport(text, { fallbackTitle: options.fallbackTitle });
  return collectionFromReport(report, options);
}

export function collectionFromReport(report: ParsedReport, options: BuildOptions): Collection {
  const rules = options.placeholders ?? [];
  const toBody = (plain: string) => applyPlaceholderRules(plain, rules);
  const ids = new IdMaker(options.collectionId);
  const entries: Entry[] = [];

  const addTemplate = (title: string, plain: string, path: string[], tag: string) => {
    entries.push({
      id: ids.make('template', path, plain),
      kind: 'template',
      title,
      body: toBody(plain),
      path,
      tags: [tag],
    });
  };

  addTemplate(report.title, documentText(report), [], TAGS.document);
  walk(report.root, [], (node, path) => {
    addTemplate(node.title, nodeText(report, node), path, path.length === 1 ? TAGS.section : TAGS.item);
  });
  if (report.root.children.length === 0) addParagraphTemplates(report, addTemplate);

  const seen = new Set<string>();
  const addSnippet = (text: string, path: string[], type: PhraseType | 'heading') => {
    if (seen.has(text)) return;
    seen.add(text);
    entries.push({
      id: ids.make('snippet', path, text),
      kind: 'snippet',
      title: text,
      body: toBody(text),
      path,
      tags: [PHRASE_TAG[type]],
    });
  };
  const ownerPaths = blockOwners(report);
  report.blocks.forEach((block, index) => {
    const path = ownerPaths[index] ?? [];
    if (block.marker && isSentenceHeading(block.title ?? '', path)) addSnippet(block.title!, path, 'heading');
    for (const phrase of findPhrases(block.text)) addSnippet(phrase.text, path, phrase.type);
  });

  return {
    id: options.collectionId,
    name: options.name ?? report.title,
    readOnly: options.readOnly ?? false,
    entries,
  };
}

export function libraryDocument(collections: Collection[]): LibraryDocument {
  return { format: LIBRARY_FORMAT, version: LIBRARY_FORMAT_VERSION, collections };
}

function walk(node: ReportNode, parentPath: string[], visit: (node: ReportNode, path: string[]) => void) {
  for (const child of node.children) {
    const path = [...parentPath, child.title];
    visit(child, path);
    walk(child, path, visit);
  }
}

/** The path of the deepest node each block belongs to. */
function blockOwners(report: ParsedReport): string[][] {
  const owners: string[][] = report.blocks.map(() => []);
  walk(report.root, [], (node, path) => {
    for (let i = node.start; i < node.end; i++) owners[i] = path;
  });
  return owners;
}

/**
 * An item heading that is a sentence of the genre ("创新思维能力还需进一步提升",
 * "不断提高学习能力，争做解放思想的表率") rather than a topic ("主要差距不足").
 */
function isSentenceHeading(title: string, path: string[]): boolean {
  return path.length >= 2 && title.length >= 6 && title.length <= 40 && !title.endsWith('…');
}

/** A report with no numbered structure: each paragraph after the title is an item. */
function addParagraphTemplates(
  report: ParsedReport,
  add: (title: string, plain: string, path: string[], tag: string) => void,
) {
  const first = report.hasTitleLine ? 1 : 0;
  for (let i = first; i < report.blocks.length; i++) {
    const plain = joinBlocks(report.blocks, i, i + 1);
    const clause = plain.split(/[，。！？；：,.!?;:]/)[0] ?? plain;
    const title = clause.length > 24 ? `${clause.slice(0, 24)}…` : clause;
    add(title, plain, [title], TAGS.item);
  }
}

class IdMaker {
  private readonly used = new Set<string>();
  constructor(private readonly namespace: string) {}

  make(kind: EntryKind, path: string[], text: string): string {
    const base = `${this.namespace}:${kind === 'template' ? 't' : 's'}-${fnv1a(`${path.join('\u001f')}\u001e${text}`)}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}
