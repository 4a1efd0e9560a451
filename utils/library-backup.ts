/**
 * Backups and imports, between a JSON document (docs/library-format.md) and
 * the stored library. A plan is always shown before an import writes, and the
 * import writes only onto the very library (and favourites, placeholder
 * values, typed shortcuts) the plan was made on: when another page changed them meanwhile, the
 * user sees the new plan and is asked again.
 */
import { type ImportMode, type ImportPlan, planImport } from '../core/library-import';
import { type LibraryDocument, libraryDocument } from '../core/library';
import type { UserLibrary } from '../core/library-edit';
import { type RawStored, type StoredKey, type StoredSubset, fingerprint, metaKey, readRaw, readValues, updateStored } from './stored';

/** What a backup holds and a restore writes. */
const IMPORT_KEYS = ['library', 'favorites', 'placeholderValues', 'triggers'] as const;
type ImportKey = (typeof IMPORT_KEYS)[number];

/** Everything the user has (`'all'`), or one of their collections. */
export type ExportScope = 'all' | { collectionId: string };

export async function exportDocument(scope: ExportScope, now = new Date()): Promise<LibraryDocument> {
  const { library, favorites, placeholderValues, triggers } = (await readValues(IMPORT_KEYS)).values;
  if (scope === 'all') {
    return { ...libraryDocument(library.collections), favorites, placeholderValues, triggers, exportedAt: now.toISOString() };
  }
  const collection = library.collections.find((c) => c.id === scope.collectionId);
  if (!collection) throw new Error(`no collection ${scope.collectionId}`);
  const ids = new Set(collection.entries.map((e) => e.id));
  const rows = triggers.rows.filter((row) => ids.has(row.entryId));
  return {
    ...libraryDocument([collection]),
    favorites: favorites.filter((f) => ids.has(f)),
    // Its entries' shortcuts travel with them; the switch and the sites are the user's, not the collection's.
    ...(rows.length > 0 ? { triggers: { rows } } : {}),
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

/** A plan, with a fingerprint of the stored keys it was made on. */
export interface PlannedImport {
  plan: ImportPlan;
  basis: string;
}

function planOn(values: StoredSubset<ImportKey>, raw: Record<ImportKey, RawStored>, document: LibraryDocument, mode: ImportMode, now: number): PlannedImport {
  const plan = planImport(values, document, mode, now);
  // What the plan depends on: the library always; favourites and placeholder values when the file brings some.
  const basis = fingerprint([
    raw.library,
    ...(document.favorites ? [raw.favorites] : []),
    ...(document.placeholderValues ? [raw.placeholderValues] : []),
    ...(document.triggers ? [raw.triggers] : []),
  ]);
  return { plan, basis };
}

/** What importing `document` would change now; writes nothing. Throws StoreError when a key it needs cannot be read. */
export async function previewImport(document: LibraryDocument, mode: ImportMode, now = Date.now()): Promise<PlannedImport> {
  const { values, raw } = await readValues(IMPORT_KEYS);
  return planOn(values, raw, document, mode, now);
}

export type ImportOutcome =
  | { applied: true; plan: ImportPlan; library: UserLibrary }
  /** Another page wrote meanwhile: nothing was written; this is the plan for the library as it is now. */
  | { applied: false; changed: PlannedImport };

/**
 * Imports `document` as planned on `basis`: the library, favourites and
 * placeholder values read and written in one write under their locks. When
 * they are no longer what the plan was made on, nothing is written and the
 * new plan comes back for the user to look at.
 */
export async function applyImport(document: LibraryDocument, mode: ImportMode, basis: string, now = Date.now()): Promise<ImportOutcome> {
  type Checked = { changed: PlannedImport } | { plan: ImportPlan };
  const { values, result } = await updateStored<ImportKey, Checked>(IMPORT_KEYS, (current, raw) => {
    const planned = planOn(current, raw, document, mode, now);
    if (planned.basis !== basis) return { result: { changed: planned } };
    const { plan } = planned;
    return { write: { library: plan.library, favorites: plan.favorites, placeholderValues: plan.placeholderValues, triggers: plan.triggers }, result: { plan } };
  });
  const checked = result!;
  return 'changed' in checked ? { applied: false, changed: checked.changed } : { applied: true, plan: checked.plan, library: values.library };
}

/**
 * What storage holds under `key` and its version mark, exactly, as a JSON
 * document to save before resetting a value Bixia cannot read.
 */
export async function rawStoredDocument(key: StoredKey): Promise<string> {
  const raw = (await readRaw([key]))[key];
  const document: Record<string, unknown> = {};
  if (raw.value !== undefined) document[key] = raw.value;
  if (raw.meta !== undefined) document[metaKey(key)] = raw.meta;
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** 笔匣原始数据-library-2026-12-01.json */
export function rawFileName(key: StoredKey, now = new Date()): string {
  return `笔匣原始数据-${key}-${now.toISOString().slice(0, 10)}.json`;
}
