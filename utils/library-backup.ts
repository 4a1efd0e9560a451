/**
 * Backups and imports, between a JSON document (docs/library-format.md) and
 * the stored library. A plan is always shown before an import writes; the
 * write recomputes the plan against the library as stored at that moment, so
 * an edit made meanwhile in another page is not lost.
 */
import { type ImportMode, type ImportPlan, planImport } from '../core/library-import';
import { type Collection, type LibraryDocument, libraryDocument } from '../core/library';
import { addCollection, withCollectionId } from '../core/library-edit';
import { readLibrary, updateLibrary } from './library-store';
import { favoritesItem, placeholderValuesItem } from './preferences';

/** Everything the user has (`'all'`), or one of their collections. */
export type ExportScope = 'all' | { collectionId: string };

export async function exportDocument(scope: ExportScope, now = new Date()): Promise<LibraryDocument> {
  const [library, favorites, placeholderValues] = await Promise.all([
    readLibrary(),
    favoritesItem.getValue(),
    placeholderValuesItem.getValue(),
  ]);
  if (scope === 'all') {
    return { ...libraryDocument(library.collections), favorites, placeholderValues, exportedAt: now.toISOString() };
  }
  const collection = library.collections.find((c) => c.id === scope.collectionId);
  if (!collection) throw new Error(`no collection ${scope.collectionId}`);
  const ids = new Set(collection.entries.map((e) => e.id));
  return {
    ...libraryDocument([collection]),
    favorites: favorites.filter((f) => ids.has(f)),
    exportedAt: now.toISOString(),
  };
}

/** A file name such as 笔匣备份-2026-12-01.json or 笔匣-我的模板-2026-12-01.json. */
export function exportFileName(document: LibraryDocument, scope: ExportScope, now = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  if (scope === 'all') return `笔匣备份-${day}.json`;
  const name = (document.collections[0]?.name ?? 'collection').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 60);
  return `笔匣-${name}-${day}.json`;
}

export function serializeDocument(document: LibraryDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** What importing `document` would change now; writes nothing. */
export async function previewImport(document: LibraryDocument, mode: ImportMode, now = Date.now()): Promise<ImportPlan> {
  const [library, favorites, placeholderValues] = await Promise.all([
    readLibrary(),
    favoritesItem.getValue(),
    placeholderValuesItem.getValue(),
  ]);
  return planImport({ library, favorites, placeholderValues }, document, mode, now);
}

/** Imports `document`: the library, favourites and placeholder values in one write. */
export async function applyImport(document: LibraryDocument, mode: ImportMode, now = Date.now()): Promise<ImportPlan> {
  const [favorites, placeholderValues] = await Promise.all([favoritesItem.getValue(), placeholderValuesItem.getValue()]);
  let plan: ImportPlan | undefined;
  await updateLibrary(
    (library) => {
      plan = planImport({ library, favorites, placeholderValues }, document, mode, now);
      return plan.library;
    },
    () => ({ favorites: plan!.favorites, placeholderValues: plan!.placeholderValues }),
  );
  return plan!;
}

/**
 * Adds a parsed report as a collection of its own. The same report imported
 * again has the same id: `'fail'` refuses (LibraryEditError 'exists'),
 * `'replace'` puts the new one in the old one's place, `'copy'` keeps both.
 */
export async function addReportCollection(
  collection: Collection,
  onExisting: 'fail' | 'replace' | 'copy' = 'fail',
  now = Date.now(),
): Promise<Collection> {
  const { result } = await updateLibrary<Collection>((library) => {
    const taken = new Set(library.collections.map((c) => c.id));
    if (!taken.has(collection.id) || onExisting === 'fail') {
      const next = addCollection(library, collection, now);
      return { library: next, result: next.collections.at(-1)! };
    }
    if (onExisting === 'replace') {
      const stamped: Collection = { ...collection, readOnly: false, createdAt: now, updatedAt: now };
      return { library: { collections: library.collections.map((c) => (c.id === collection.id ? stamped : c)) }, result: stamped };
    }
    let n = 2;
    while (taken.has(`${collection.id}-${n}`)) n++;
    const copy = withCollectionId(collection, `${collection.id}-${n}`);
    const next = addCollection(library, copy, now);
    return { library: next, result: next.collections.at(-1)! };
  });
  return result!;
}
