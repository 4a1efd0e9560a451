/**
 * Importing a library document into the user's library: first a plan that says
 * what will change (shown to the user before anything happens), then the
 * library that results. Merge keeps what the user has and adds or updates what
 * the file brings; replace makes the user's library exactly the file's.
 * Pure: the store applies a plan only to the library it was made on.
 */
import type { UserLibrary } from './library-edit';
import type { Collection, Entry, LibraryDocument } from './library';
import { isBuiltinCollectionId, isBuiltinEntryId } from './builtin-ids';
import { fnv1a } from './hash';
import { type TriggerSettings, triggerRefusal } from './triggers';

export type ImportMode = 'merge' | 'replace';

export interface CollectionChange {
  id: string;
  name: string;
  /** new: not in the library; merged: same id as one there; removed: only in the library (replace). */
  status: 'new' | 'merged' | 'replaced' | 'removed';
  added: number;
  updated: number;
  unchanged: number;
  /** Entries of the file whose text is already in that collection under another id: skipped. */
  duplicates: number;
  removed: number;
}

export interface ImportPlan {
  mode: ImportMode;
  changes: CollectionChange[];
  totals: { added: number; updated: number; unchanged: number; duplicates: number; removed: number };
  /** Read-only collections in the file (the built-in one): never imported, it ships with Bixia. */
  skippedReadOnly: number;
  /** Entries of the file whose id belonged to another collection (or the built-in one): given an id in their own. */
  renamed: number;
  /** Nothing would change. */
  noop: boolean;
  library: UserLibrary;
  favorites: string[];
  placeholderValues: Record<string, string>;
  triggers: TriggerSettings;
  /** The file's typed shortcuts: taken, and left out because one the user has reads alike or is a prefix either way. */
  shortcuts: { added: number; skipped: number };
}

export interface CurrentState {
  library: UserLibrary;
  favorites: readonly string[];
  placeholderValues: Readonly<Record<string, string>>;
  triggers: TriggerSettings;
}

/** What makes two entries the same text, whatever their ids. */
function contentKey(e: Entry): string {
  return `${e.kind}\u001e${e.title}\u001e${e.body}`;
}

function sameEntry(a: Entry, b: Entry): boolean {
  return (
    contentKey(a) === contentKey(b) &&
    a.path.length === b.path.length &&
    a.path.every((p, i) => p === b.path[i]) &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i])
  );
}

/**
 * An entry's id is `<its collection's id>:…`: that is what ties a star to one
 * entry. An entry of the file whose id claims another collection (a built-in
 * entry's id, say) gets one in its own collection instead, the same one each
 * time the file is imported; the file's favourites follow it, except those
 * that name a built-in entry, which stay with the built-in entry.
 */
export function ownNamespaces(
  collections: readonly Collection[],
  favorites: readonly string[],
): { collections: Collection[]; favorites: string[]; renamed: number; follow: (id: string) => string } {
  const taken = new Set(collections.flatMap((c) => c.entries.map((e) => e.id)));
  const moved = new Map<string, string>();
  const fixed = collections.map((c) => {
    const prefix = `${c.id}:`;
    if (c.entries.every((e) => e.id.startsWith(prefix))) return c;
    const entries = c.entries.map((e) => {
      if (e.id.startsWith(prefix)) return e;
      const colon = e.id.indexOf(':');
      const base = `${prefix}${colon < 0 ? e.id : e.id.slice(colon + 1)}`;
      // Ids are at most 200 characters (core/library-schema.ts).
      const start = base.length <= 190 ? base : `${prefix}i-${fnv1a(e.id)}`;
      let id = start;
      for (let n = 2; taken.has(id); n++) id = `${start}-${n}`;
      taken.add(id);
      moved.set(e.id, id);
      return { ...e, id };
    });
    return { ...c, entries };
  });
  const follow = (id: string) => (isBuiltinEntryId(id) ? id : (moved.get(id) ?? id));
  return { collections: fixed, favorites: [...new Set(favorites.map(follow))], renamed: moved.size, follow };
}

export function planImport(current: CurrentState, document: LibraryDocument, mode: ImportMode, now: number): ImportPlan {
  // Bixia's own collections (any `builtin` or `builtin-…` id) come with Bixia, never from a file.
  const readable = document.collections.filter((c) => !c.readOnly && !isBuiltinCollectionId(c.id));
  const skippedReadOnly = document.collections.length - readable.length;
  const own = ownNamespaces(readable, document.favorites ?? []);
  const incoming = own.collections;
  const changes: CollectionChange[] = [];
  const existing = new Map(current.library.collections.map((c) => [c.id, c]));
  let collections: Collection[];

  if (mode === 'replace') {
    const incomingIds = new Set(incoming.map((c) => c.id));
    for (const c of current.library.collections) {
      if (!incomingIds.has(c.id)) changes.push(change(c, 'removed', { removed: c.entries.length }));
    }
    collections = incoming.map((c) => {
      const before = existing.get(c.id);
      if (!before) {
        changes.push(change(c, 'new', { added: c.entries.length }));
      } else {
        const diff = diffEntries(before.entries, c.entries);
        changes.push(change(c, 'replaced', { ...diff, removed: diff.missing, duplicates: 0 }));
      }
      return { ...c, readOnly: false, createdAt: c.createdAt ?? now, updatedAt: c.updatedAt ?? now };
    });
  } else {
    collections = [...current.library.collections];
    for (const c of incoming) {
      const before = existing.get(c.id);
      if (!before) {
        changes.push(change(c, 'new', { added: c.entries.length }));
        collections.push({ ...c, readOnly: false, createdAt: c.createdAt ?? now, updatedAt: c.updatedAt ?? now });
        continue;
      }
      const merged = mergeEntries(before.entries, c.entries);
      changes.push(change(before, 'merged', merged.counts));
      if (merged.counts.added + merged.counts.updated > 0) {
        collections = collections.map((x) => (x.id === c.id ? { ...before, entries: merged.entries, updatedAt: now } : x));
      }
    }
  }

  const totals = { added: 0, updated: 0, unchanged: 0, duplicates: 0, removed: 0 };
  for (const c of changes) {
    totals.added += c.added;
    totals.updated += c.updated;
    totals.unchanged += c.unchanged;
    totals.duplicates += c.duplicates;
    totals.removed += c.removed;
  }

  const fileFavorites = own.favorites;
  const favorites =
    mode === 'replace' && document.favorites
      ? [...fileFavorites]
      : [...current.favorites, ...fileFavorites.filter((f) => !current.favorites.includes(f))];
  const placeholderValues =
    mode === 'replace' && document.placeholderValues
      ? { ...document.placeholderValues }
      : { ...current.placeholderValues, ...(document.placeholderValues ?? {}) };

  const { triggers, shortcuts } = planTriggers(current.triggers, document, mode, own.follow);

  const noop =
    totals.added + totals.updated + totals.removed === 0 &&
    changes.every((c) => c.status !== 'new' && c.status !== 'removed') &&
    favorites.length === current.favorites.length &&
    sameRecord(placeholderValues, current.placeholderValues) &&
    sameTriggers(triggers, current.triggers);
  return { mode, changes, totals, skippedReadOnly, renamed: own.renamed, noop, library: { collections }, favorites, placeholderValues, triggers, shortcuts };
}

/**
 * The typed shortcuts after the import. Replacing with a backup that has them takes the file's
 * (its switch and sites where it says them). Otherwise the user's stay as they are, and each
 * of the file's joins them unless it would clash with one already there (reads alike, or is a
 * prefix either way), which is left out and counted; the sites where shortcuts are off are joined.
 * The file's rows follow their entries when those got an id of their own (ownNamespaces).
 */
function planTriggers(
  current: TriggerSettings,
  document: LibraryDocument,
  mode: ImportMode,
  follow: (id: string) => string,
): { triggers: TriggerSettings; shortcuts: { added: number; skipped: number } } {
  const file = document.triggers;
  if (!file) return { triggers: current, shortcuts: { added: 0, skipped: 0 } };
  const fileRows = file.rows.map((row) => ({ entryId: follow(row.entryId), trigger: row.trigger }));
  if (mode === 'replace') {
    return {
      triggers: { rows: fileRows, enabled: file.enabled ?? current.enabled, offSites: file.offSites ?? current.offSites },
      shortcuts: { added: fileRows.length, skipped: 0 },
    };
  }
  const rows = [...current.rows];
  let added = 0;
  let skipped = 0;
  for (const row of fileRows) {
    if (rows.some((r) => r.entryId === row.entryId && r.trigger === row.trigger)) continue;
    if (triggerRefusal(rows, row.trigger)) {
      skipped += 1;
      continue;
    }
    rows.push(row);
    added += 1;
  }
  const offSites = [...current.offSites, ...(file.offSites ?? []).filter((site) => !current.offSites.includes(site))];
  return { triggers: { rows, enabled: current.enabled, offSites }, shortcuts: { added, skipped } };
}

function sameTriggers(a: TriggerSettings, b: TriggerSettings): boolean {
  return (
    a.enabled === b.enabled &&
    a.rows.length === b.rows.length &&
    a.rows.every((row, i) => row.entryId === b.rows[i]!.entryId && row.trigger === b.rows[i]!.trigger) &&
    a.offSites.length === b.offSites.length &&
    a.offSites.every((site, i) => site === b.offSites[i])
  );
}

function change(c: Collection, status: CollectionChange['status'], counts: Partial<Omit<CollectionChange, 'id' | 'name' | 'status'>>): CollectionChange {
  return { id: c.id, name: c.name, status, added: 0, updated: 0, unchanged: 0, duplicates: 0, removed: 0, ...counts };
}

function diffEntries(before: readonly Entry[], after: readonly Entry[]) {
  const old = new Map(before.map((e) => [e.id, e]));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const e of after) {
    const was = old.get(e.id);
    if (!was) added++;
    else if (sameEntry(was, e)) unchanged++;
    else updated++;
  }
  const kept = new Set(after.map((e) => e.id));
  const missing = before.filter((e) => !kept.has(e.id)).length;
  return { added, updated, unchanged, missing };
}

/**
 * The user's entries stay, in their order; the file's entries with a known id
 * replace theirs when different; new ones are appended, unless the same text
 * is already there under another id (a duplicate, skipped).
 */
function mergeEntries(before: readonly Entry[], incoming: readonly Entry[]) {
  const byId = new Map(before.map((e, i) => [e.id, i]));
  const texts = new Set(before.map(contentKey));
  const entries = [...before];
  const counts = { added: 0, updated: 0, unchanged: 0, duplicates: 0 };
  for (const e of incoming) {
    const at = byId.get(e.id);
    if (at !== undefined) {
      if (sameEntry(entries[at]!, e)) counts.unchanged++;
      else {
        entries[at] = e;
        counts.updated++;
      }
    } else if (texts.has(contentKey(e))) {
      counts.duplicates++;
    } else {
      entries.push(e);
      texts.add(contentKey(e));
      counts.added++;
    }
  }
  return { entries, counts };
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
