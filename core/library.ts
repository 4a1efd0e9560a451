/**
 * The library model shared by every surface (popup, side panel, import, export,
 * the command line). Its JSON form is documented in docs/library-format.md.
 */
import { fnv1a } from './hash';
import { findReportPhrases, type PhraseSource, type PhraseType } from './phrases';
import { applyPlaceholderRules, type PlaceholderRule } from './placeholders';
import { type NodeType, type ParsedReport, type ReportNode, documentText, parseReport } from './report-parser';
import type { ReportSource } from './report-source';
import { TAGS } from './tags';
import type { TriggerRow } from './triggers';
import { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION } from './library-format';

export { LIBRARY_FORMAT, LIBRARY_FORMAT_VERSION } from './library-format';

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
  /**
   * In a backup: the typed shortcuts, with their switch and the sites where they are off; in a
   * collection's file, the rows of its entries only.
   */
  triggers?: { rows: TriggerRow[]; enabled?: boolean; offSites?: string[] };
  /** In a backup: when it was made (ISO 8601). */
  exportedAt?: string;
}

export { TAGS } from './tags';

const PHRASE_TAG: Record<PhraseType, string> = {
  series: TAGS.series,
  pair: TAGS.pair,
  sentence: TAGS.sentence,
};

const FRAME_TAG: Partial<Record<NodeType, string>> = {
  opening: TAGS.opening,
  closing: TAGS.closing,
  signature: TAGS.signature,
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

export function buildCollection(source: ReportSource, options: BuildOptions): Collection {
  const report = parseReport(source, { fallbackTitle: options.fallbackTitle });
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
  const pieces: PhraseSource[] = report.root.ownText.map((text) => ({ text, path: [] }));
  // Every template's title, and each heading as the document writes it: a phrase that is one of
  // them again would list the same heading twice, once as 模板 and once as 短语.
  const headings: string[] = [report.title];
  walk(report.root, [], (node, path) => {
    const tag = FRAME_TAG[node.type] ?? (path.length === 1 ? TAGS.section : TAGS.item);
    addTemplate(node.title, node.text, path, tag);
    if (!FRAME_TAG[node.type]) headings.push(node.title, ...headingLine(node));
    for (const text of node.ownText) pieces.push({ text, path });
  });
  if (!report.root.children.some((node) => !FRAME_TAG[node.type])) {
    addParagraphTemplates(report, (title, plain, path, tag, clause) => {
      addTemplate(title, plain, path, tag);
      headings.push(clause);
    });
  }

  for (const phrase of findReportPhrases(pieces, headings)) {
    entries.push({
      id: ids.make('snippet', phrase.path, phrase.text),
      kind: 'snippet',
      title: phrase.text,
      body: toBody(phrase.text),
      path: phrase.path,
      tags: [PHRASE_TAG[phrase.type]],
    });
  }

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

/** Where the first clause of a heading's line ends. */
const CLAUSE_END = /[。！？!?；;，,：:]/;
const MAX_HEADING_LINE = 60;

/**
 * The clause a heading's title was cut from, when the title is shorter: a long
 * heading is titled by its first clause up to 、 ("带头学习" of "带头学习、带头实干、
 * 带头守纪，在……"), and that whole clause is what the reader sees as the heading. The
 * line's later clauses are not: they are the body the heading runs into. A group
 * label (主观上：) has no line of its own.
 */
function headingLine(node: ReportNode): string[] {
  const first = node.ownText[0];
  if (first === undefined || node.type === 'group') return [];
  const words = node.marker && first.startsWith(node.marker.text) ? first.slice(node.marker.text.length) : first;
  const end = words.search(CLAUSE_END);
  const clause = (end < 0 ? words : words.slice(0, end)).trim();
  return clause.length <= MAX_HEADING_LINE && clause !== node.title && clause.startsWith(node.title) ? [clause] : [];
}

/**
 * A report with no numbered structure: each paragraph of its body is an item,
 * titled by its first clause; `add` also gets that clause whole (the title may be cut).
 */
function addParagraphTemplates(
  report: ParsedReport,
  add: (title: string, plain: string, path: string[], tag: string, clause: string) => void,
) {
  const frame = new Set(report.root.children.flatMap((node) => node.text.split('\n')));
  const first = report.hasTitleLine ? 1 : 0;
  for (const plain of report.paragraphs.slice(first)) {
    if (frame.has(plain)) continue;
    const clause = plain.split(/[，。！？；：,.!?;:]/)[0] ?? plain;
    const title = clause.length > 24 ? `${clause.slice(0, 24)}…` : clause;
    add(title, plain, [title], TAGS.item, clause);
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
