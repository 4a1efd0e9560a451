/**
 * The options page's pure helpers: no browser API, no translations, so they
 * are unit-tested on their own (test/unit/options-helpers.test.ts).
 */
import { type EntryDraft, cleanTags } from '../../core/library-edit';
import { type OutlineNode, buildOutline } from '../../core/outline';
import type { Entry, EntryKind } from '../../core/library';
import { type FramePart, framePartOf } from '../../core/tags';

export type OptionsView = 'library' | 'import' | 'triggers' | 'backup' | 'settings';
export const VIEWS: readonly OptionsView[] = ['library', 'import', 'triggers', 'backup', 'settings'];

/** `#import` → 'import'; anything unknown is the library view. */
export function viewFromHash(hash: string): OptionsView {
  const name = hash.replace(/^#/, '').split(/[/?]/)[0] ?? '';
  return (VIEWS as readonly string[]).includes(name) ? (name as OptionsView) : 'library';
}

// ---- The editor's fields, as the user types them ----

/** What the editor's fields hold: path and tags as typed, parsed only when compared or saved. */
export interface EditorDraft {
  kind: EntryKind;
  title: string;
  path: string;
  tags: string;
  body: string;
}

export const PATH_SEPARATOR = ' / ';

export function joinPath(path: readonly string[]): string {
  return path.join(PATH_SEPARATOR);
}

/** "成因分析 / 主观上" → ["成因分析", "主观上"]; also takes ／ and › as the popup shows paths. */
export function splitPath(text: string): string[] {
  return text
    .split(/[/／›]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Tags are separated by commas (either width), 、, semicolons or blanks. */
export function splitTags(text: string): string[] {
  return cleanTags(text.split(/[,，、;；\s\u3000]+/));
}

export function joinTags(tags: readonly string[]): string {
  return tags.join('、');
}

export const EMPTY_DRAFT: EditorDraft = { kind: 'template', title: '', path: '', tags: '', body: '' };

export function draftFromEntry(entry: Entry): EditorDraft {
  return { kind: entry.kind, title: entry.title, path: joinPath(entry.path), tags: joinTags(entry.tags), body: entry.body };
}

export function entryDraftOf(draft: EditorDraft): EntryDraft {
  return { kind: draft.kind, title: draft.title, body: draft.body, path: splitPath(draft.path), tags: splitTags(draft.tags) };
}

/** Whether saving would change anything: compared as saved, so "a, b" and "a、b" are the same tags. */
export function draftsDiffer(a: EditorDraft, b: EditorDraft): boolean {
  const x = entryDraftOf(a);
  const y = entryDraftOf(b);
  return (
    x.kind !== y.kind ||
    x.title.trim() !== y.title.trim() ||
    x.body !== y.body ||
    !sameList(x.path, y.path) ||
    !sameList(x.tags, y.tags)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** A body of only blanks inserts nothing, so it is not saved. */
export function isBodyEmpty(draft: EditorDraft): boolean {
  return draft.body.trim() === '';
}

// ---- The entry list's filters ----

export type KindFilter = 'all' | EntryKind;

export interface EntryFilter {
  kind: KindFilter;
  /** A tag the entry must carry, or '' for any. */
  tag: string;
  favoritesOnly: boolean;
}

export const NO_FILTER: EntryFilter = { kind: 'all', tag: '', favoritesOnly: false };

/** Applied after the search, which keeps its ranking. */
export function filterEntries(entries: readonly Entry[], filter: EntryFilter, favorites: ReadonlySet<string>): Entry[] {
  if (filter.kind === 'all' && !filter.tag && !filter.favoritesOnly) return entries as Entry[];
  return entries.filter(
    (e) =>
      (filter.kind === 'all' || e.kind === filter.kind) &&
      (!filter.tag || e.tags.includes(filter.tag)) &&
      (!filter.favoritesOnly || favorites.has(e.id)),
  );
}

/** The entry to select after `removedId` goes: the next row, else the previous, else none. */
export function neighbourAfterRemoval(rows: readonly Entry[], removedId: string): string | null {
  const at = rows.findIndex((e) => e.id === removedId);
  if (at < 0) return null;
  return (rows[at + 1] ?? rows[at - 1])?.id ?? null;
}

// ---- The import preview: which parsed entries the user keeps ----

export interface TemplateNode {
  entry: Entry;
  /** 0 for the whole report, 1 for a section, 2+ for items. */
  depth: number;
  /**
   * The ids a tick on this row ticks: the row itself and, for a section or an
   * item, everything under it (templates below it and phrases from it). The
   * whole report is only itself: 全选 / 全不选 are there for everything.
   */
  ids: string[];
  children: TemplateNode[];
}

const pathKey = (path: readonly string[]) => path.map((p) => `${p}\u001f`).join('');

/**
 * The report's templates as a tree for the import preview: the outline the
 * side panel shows (core/outline.ts), with the whole report beside the
 * sections rather than above them, since ticking it ticks only itself.
 */
export function templateTree(entries: readonly Entry[]): TemplateNode[] {
  const toNodes = (outline: OutlineNode): TemplateNode[] => {
    const children = outline.children.flatMap(toNodes);
    // A group of phrases without a template (a parsed report has none): nothing to tick for itself.
    if (!outline.template) return children;
    const ids = [outline.template.id, ...outline.phrases.map((p) => p.id), ...children.flatMap((c) => c.ids)];
    return [{ entry: outline.template, depth: outline.template.path.length, ids, children }];
  };
  return buildOutline(entries).flatMap((root) =>
    root.template?.path.length === 0
      ? [{ entry: root.template, depth: 0, ids: [root.template.id], children: [] }, ...root.children.flatMap(toNodes)]
      : toNodes(root),
  );
}

/** Which part of the report's frame (开头, 结尾, 落款) a parsed template is, or null for the whole report, a section or an item. */
export function framePart(entry: Entry): FramePart | null {
  return entry.kind === 'template' && entry.path.length === 1 ? framePartOf(entry) : null;
}

/** The start of a text, for a row that shows what a part says: "按照……要求，现将……" */
export function excerpt(text: string, max = 28): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

export interface SnippetGroup {
  path: string[];
  entries: Entry[];
}

/** Phrases grouped by the part of the report they came from, in the report's order. */
export function snippetGroups(entries: readonly Entry[]): SnippetGroup[] {
  const groups = new Map<string, SnippetGroup>();
  for (const entry of entries) {
    if (entry.kind !== 'snippet') continue;
    const key = pathKey(entry.path);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { path: entry.path, entries: [] }));
    group.entries.push(entry);
  }
  return [...groups.values()];
}

export function setTicked(ticked: ReadonlySet<string>, ids: readonly string[], on: boolean): Set<string> {
  const next = new Set(ticked);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

export type TickState = 'all' | 'some' | 'none';

export function tickState(ticked: ReadonlySet<string>, ids: readonly string[]): TickState {
  const count = ids.filter((id) => ticked.has(id)).length;
  return count === 0 ? 'none' : count === ids.length ? 'all' : 'some';
}

export function countTicked(entries: readonly Entry[], ticked: ReadonlySet<string>): { templates: number; snippets: number } {
  let templates = 0;
  let snippets = 0;
  for (const e of entries) {
    if (!ticked.has(e.id)) continue;
    if (e.kind === 'template') templates++;
    else snippets++;
  }
  return { templates, snippets };
}

// ---- Files ----

/** "report.docx" → "report"; a name that is only an extension stays as it is. */
export function fileNameWithoutExtension(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** Bytes as megabytes for messages: 33554432 → "32", 2621440 → "2.5". */
export function megabytes(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 10) / 10);
}

/** Whether a key press happened while the user was typing, when Ctrl+Z belongs to the field. */
export function isTextTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!target?.tagName) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes((target.type ?? 'text').toLowerCase());
}
