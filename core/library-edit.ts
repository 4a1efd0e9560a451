/**
 * What a user can do to their own library, as pure functions from one library
 * to the next. Each takes the library as it is *now* in storage (the store
 * applies it under a lock), so two pages editing at once both keep their edits.
 */
import type { Collection, Entry, EntryKind } from './library';

/** The user's own collections; the built-in one is never stored. */
export interface UserLibrary {
  collections: Collection[];
}

export const EMPTY_LIBRARY: UserLibrary = { collections: [] };

export class LibraryEditError extends Error {
  constructor(readonly code: 'no-collection' | 'no-entry' | 'read-only' | 'exists') {
    super(`library edit: ${code}`);
    this.name = 'LibraryEditError';
  }
}

export interface EntryDraft {
  kind: EntryKind;
  title: string;
  body: string;
  path: string[];
  tags: string[];
}

/** A short random id part; tests pass their own. */
export type IdSource = () => string;

export const randomIdPart: IdSource = () => {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('').slice(0, 12);
};

function findCollection(library: UserLibrary, collectionId: string): Collection {
  const collection = library.collections.find((c) => c.id === collectionId);
  if (!collection) throw new LibraryEditError('no-collection');
  if (collection.readOnly) throw new LibraryEditError('read-only');
  return collection;
}

function replaceCollection(library: UserLibrary, next: Collection): UserLibrary {
  return { collections: library.collections.map((c) => (c.id === next.id ? next : c)) };
}

function changeEntries(library: UserLibrary, collectionId: string, now: number, change: (entries: Entry[]) => Entry[]): UserLibrary {
  const collection = findCollection(library, collectionId);
  return replaceCollection(library, { ...collection, entries: change(collection.entries), updatedAt: now });
}

/** Tags trimmed, empty ones dropped, each once, in the order given. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
}

function cleanDraft(draft: EntryDraft): EntryDraft {
  return {
    kind: draft.kind,
    title: draft.title.trim() || firstLine(draft.body),
    body: draft.body,
    path: draft.path.map((p) => p.trim()).filter((p) => p !== ''),
    tags: cleanTags(draft.tags),
  };
}

function firstLine(body: string): string {
  const line = body.trim().split('\n')[0] ?? '';
  return line.length > 24 ? `${line.slice(0, 24)}…` : line;
}

export function createCollection(library: UserLibrary, name: string, now: number, newId: IdSource = randomIdPart): { library: UserLibrary; collection: Collection } {
  const collection: Collection = { id: `c-${newId()}`, name: name.trim(), readOnly: false, entries: [], createdAt: now, updatedAt: now };
  return { library: { collections: [...library.collections, collection] }, collection };
}

/** Adds a collection made elsewhere (an imported report); its id must be new. */
export function addCollection(library: UserLibrary, collection: Collection, now: number): UserLibrary {
  if (library.collections.some((c) => c.id === collection.id)) throw new LibraryEditError('exists');
  const stamped: Collection = { ...collection, readOnly: false, createdAt: collection.createdAt ?? now, updatedAt: now };
  return { collections: [...library.collections, stamped] };
}

/** The same collection under another id, its entries' ids moved into the new namespace. */
export function withCollectionId(collection: Collection, id: string): Collection {
  const prefix = `${collection.id}:`;
  return {
    ...collection,
    id,
    entries: collection.entries.map((e) => ({ ...e, id: e.id.startsWith(prefix) ? `${id}:${e.id.slice(prefix.length)}` : `${id}:${e.id}` })),
  };
}

export type OnExisting = 'fail' | 'replace' | 'copy';

/**
 * Adds a parsed report as a collection of its own. The same report imported
 * again has the same id: `'fail'` hands back `exists` and the library as it
 * was, `'replace'` puts the new one in the old one's place, `'copy'` keeps
 * both (the copy's id gets `-2`, `-3`…).
 */
export function addReport(
  library: UserLibrary,
  collection: Collection,
  onExisting: OnExisting,
  now: number,
): { library: UserLibrary; result: { added: Collection } | { exists: true } } {
  const taken = new Set(library.collections.map((c) => c.id));
  if (!taken.has(collection.id)) {
    const next = addCollection(library, collection, now);
    return { library: next, result: { added: next.collections.at(-1)! } };
  }
  if (onExisting === 'fail') return { library, result: { exists: true } };
  if (onExisting === 'replace') {
    const stamped: Collection = { ...collection, readOnly: false, createdAt: now, updatedAt: now };
    return { library: { collections: library.collections.map((c) => (c.id === collection.id ? stamped : c)) }, result: { added: stamped } };
  }
  let n = 2;
  while (taken.has(`${collection.id}-${n}`)) n++;
  const next = addCollection(library, withCollectionId(collection, `${collection.id}-${n}`), now);
  return { library: next, result: { added: next.collections.at(-1)! } };
}

export function renameCollection(library: UserLibrary, collectionId: string, name: string, now: number): UserLibrary {
  const collection = findCollection(library, collectionId);
  return replaceCollection(library, { ...collection, name: name.trim(), updatedAt: now });
}

export interface RemovedCollection {
  collection: Collection;
  index: number;
}

export function deleteCollection(library: UserLibrary, collectionId: string): { library: UserLibrary; removed: RemovedCollection } {
  const index = library.collections.findIndex((c) => c.id === collectionId);
  if (index < 0) throw new LibraryEditError('no-collection');
  const collection = library.collections[index]!;
  return { library: { collections: library.collections.filter((c) => c.id !== collectionId) }, removed: { collection, index } };
}

/** Undo of deleteCollection: back where it was, unless the user has since made one with the same id. */
export function restoreCollection(library: UserLibrary, removed: RemovedCollection): UserLibrary {
  if (library.collections.some((c) => c.id === removed.collection.id)) return library;
  const collections = [...library.collections];
  collections.splice(Math.min(removed.index, collections.length), 0, removed.collection);
  return { collections };
}

export function addEntry(
  library: UserLibrary,
  collectionId: string,
  draft: EntryDraft,
  now: number,
  newId: IdSource = randomIdPart,
): { library: UserLibrary; entry: Entry } {
  const clean = cleanDraft(draft);
  const entry: Entry = { id: `${collectionId}:u-${newId()}`, ...clean, createdAt: now, updatedAt: now };
  return { library: changeEntries(library, collectionId, now, (entries) => [...entries, entry]), entry };
}

export function updateEntry(library: UserLibrary, collectionId: string, entryId: string, draft: EntryDraft, now: number): UserLibrary {
  const collection = findCollection(library, collectionId);
  if (!collection.entries.some((e) => e.id === entryId)) throw new LibraryEditError('no-entry');
  const clean = cleanDraft(draft);
  return changeEntries(library, collectionId, now, (entries) =>
    entries.map((e) => (e.id === entryId ? { ...e, ...clean, updatedAt: now } : e)),
  );
}

/** A copy right after the original, titled as a copy. */
export function duplicateEntry(
  library: UserLibrary,
  collectionId: string,
  entryId: string,
  copySuffix: string,
  now: number,
  newId: IdSource = randomIdPart,
): { library: UserLibrary; entry: Entry } {
  const collection = findCollection(library, collectionId);
  const index = collection.entries.findIndex((e) => e.id === entryId);
  if (index < 0) throw new LibraryEditError('no-entry');
  const original = collection.entries[index]!;
  const entry: Entry = {
    ...original,
    id: `${collectionId}:u-${newId()}`,
    title: `${original.title}${copySuffix}`,
    path: [...original.path],
    tags: [...original.tags],
    createdAt: now,
    updatedAt: now,
  };
  const library2 = changeEntries(library, collectionId, now, (entries) => [...entries.slice(0, index + 1), entry, ...entries.slice(index + 1)]);
  return { library: library2, entry };
}

/** Copies any entry (a built-in one, or one of another collection) into a user collection. */
export function copyEntryInto(
  library: UserLibrary,
  source: Entry,
  collectionId: string,
  now: number,
  newId: IdSource = randomIdPart,
): { library: UserLibrary; entry: Entry } {
  return addEntry(library, collectionId, { kind: source.kind, title: source.title, body: source.body, path: source.path, tags: source.tags }, now, newId);
}

export interface RemovedEntries {
  collectionId: string;
  /** Each removed entry with the index it had, in ascending order. */
  entries: { entry: Entry; index: number }[];
}

export function deleteEntries(library: UserLibrary, collectionId: string, entryIds: readonly string[], now: number): { library: UserLibrary; removed: RemovedEntries } {
  const collection = findCollection(library, collectionId);
  const doomed = new Set(entryIds);
  const removed: RemovedEntries = { collectionId, entries: [] };
  collection.entries.forEach((entry, index) => {
    if (doomed.has(entry.id)) removed.entries.push({ entry, index });
  });
  if (removed.entries.length === 0) throw new LibraryEditError('no-entry');
  return { library: changeEntries(library, collectionId, now, (entries) => entries.filter((e) => !doomed.has(e.id))), removed };
}

/** Undo of deleteEntries: each entry back at its place (entries added since keep theirs). */
export function restoreEntries(library: UserLibrary, removed: RemovedEntries, now: number): UserLibrary {
  return changeEntries(library, removed.collectionId, now, (entries) => {
    const present = new Set(entries.map((e) => e.id));
    const next = [...entries];
    for (const { entry, index } of removed.entries) {
      if (present.has(entry.id)) continue;
      next.splice(Math.min(index, next.length), 0, entry);
    }
    return next;
  });
}

/** Every tag used in the library, most used first. */
export function tagCounts(collections: readonly Collection[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of collections) for (const e of c.entries) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'zh'));
}
