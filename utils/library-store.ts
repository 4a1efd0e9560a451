/**
 * The user's own library in extension storage, guarded like a password store:
 *
 * - One storage key holds it, written with one `storage.local.set` call, which
 *   both browsers commit whole or not at all: a write never leaves half a library.
 * - Every change is a function applied to the library as stored *now*, under a
 *   lock shared by all the extension's pages (Web Locks), so edits made in the
 *   popup and the side panel at the same time both survive.
 * - What is written is checked against the schema first; what is read is
 *   checked too, and a library that does not check is never overwritten.
 * - The stored format is versioned; @wxt-dev/storage runs the migrations on the
 *   first read after an update (docs/library-format.md, "Storage").
 * - Reading costs one storage read: a 10,000-entry library is megabytes.
 */
import { storage } from '@wxt-dev/storage';
import * as v from 'valibot';
import { EMPTY_LIBRARY, type UserLibrary } from '../core/library-edit';
import { CollectionSchema } from '../core/library-schema';
import type { Collection } from '../core/library';
import { withStorageLock } from './storage-lock';

export const LIBRARY_STORAGE_VERSION = 2;

/** Version 1 kept the user's collections as a bare list of objects, with no dates. */
export type StoredLibraryV1 = Collection[];
/**
 * Version 2 keeps `{ collections }` as JSON text: Chrome hands a page a 5.6 MB
 * object tree from storage.local in about 560 ms, the same data as one string in
 * about 275 ms (measured with a 10,000-entry library; JSON.parse adds 20 ms).
 */
export type StoredLibraryV2 = string;

export const migrations = {
  2: (stored: StoredLibraryV1 | StoredLibraryV2, now = Date.now()): StoredLibraryV2 => {
    if (typeof stored === 'string') return stored;
    const library: UserLibrary = {
      collections: stored.map((c) => ({
        ...c,
        readOnly: false,
        createdAt: c.createdAt ?? now,
        updatedAt: c.updatedAt ?? now,
      })),
    };
    return JSON.stringify(library);
  },
};

const KEY = 'local:library';
const META_KEY = 'local:library$';

/**
 * The item as @wxt-dev/storage versions it, with the migrations. Defining it
 * reads the whole stored value (to see whether it needs migrating), so pages
 * define it only when the version mark says an update has not migrated yet.
 */
function versionedLibraryItem() {
  return storage.defineItem<StoredLibraryV2 | null>(KEY, {
    fallback: null,
    version: LIBRARY_STORAGE_VERSION,
    migrations: { 2: (stored: StoredLibraryV1 | StoredLibraryV2) => migrations[2](stored) },
  });
}

// Everyday reads and change events use the key directly: defining an item reads its whole
// value at once (@wxt-dev/storage 1.3 does, to run `init`), which queued every small read a
// popup makes behind half a second of library.

const StoredLibrarySchema = v.object({ collections: v.array(CollectionSchema) });

export type LibraryErrorCode = 'quota' | 'damaged' | 'write-failed' | 'too-new';

/** A change that could not be saved, or a stored library that cannot be read; nothing was lost. */
export class LibraryStoreError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`library storage: ${code}`, options);
    this.name = 'LibraryStoreError';
  }
}

/** The stored library, checked. Throws LibraryStoreError rather than hand out a broken one. */
export async function readLibrary(): Promise<UserLibrary> {
  let stored: unknown;
  let version: number;
  try {
    const [value, meta] = await storage.getItems([KEY, META_KEY]);
    stored = value!.value;
    version = (meta!.value as { v?: number } | null)?.v ?? 1;
  } catch (error) {
    throw new LibraryStoreError('damaged', { cause: error });
  }
  if (stored == null) return EMPTY_LIBRARY;
  if (version > LIBRARY_STORAGE_VERSION) throw new LibraryStoreError('too-new');
  if (version < LIBRARY_STORAGE_VERSION) stored = await migrateNow();
  return parseStored(stored);
}

/** Runs the migrations (once, whichever page gets there first) and returns what they stored. */
async function migrateNow(): Promise<unknown> {
  return withStorageLock('library', async () => {
    const item = versionedLibraryItem();
    const value = await item.getValue();
    const meta = (await item.getMeta()) as { v?: number } | null;
    // @wxt-dev/storage logs a failed migration and carries on with the old value: never use that.
    if (value != null && (meta?.v ?? 1) !== LIBRARY_STORAGE_VERSION) throw new LibraryStoreError('damaged');
    return value;
  });
}

function parseStored(stored: unknown): UserLibrary {
  let value: unknown = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch (error) {
      throw new LibraryStoreError('damaged', { cause: error });
    }
  } else {
    throw new LibraryStoreError('damaged');
  }
  const checked = v.safeParse(StoredLibrarySchema, value);
  if (!checked.success) throw new LibraryStoreError('damaged', { cause: checked.issues[0] });
  return checked.output as UserLibrary;
}

/**
 * Applies `change` to the library as stored now and saves the result in one
 * write. Returns what was saved, with whatever `change` handed back beside it.
 */
export async function updateLibrary<R = undefined>(
  change: (library: UserLibrary) => { library: UserLibrary; result?: R } | UserLibrary,
  alsoWrite?: (library: UserLibrary) => Record<string, unknown>,
): Promise<{ library: UserLibrary; result: R | undefined }> {
  return withStorageLock('library', async () => {
    const before = await readLibrary();
    const out = change(before);
    const { library, result } = 'library' in out ? out : { library: out, result: undefined };
    const checked = v.safeParse(StoredLibrarySchema, library);
    // A change that would store something the schema refuses is a bug; refuse it, keep the old library.
    if (!checked.success) throw new LibraryStoreError('write-failed', { cause: checked.issues[0] });
    await writeAtomically({ library: JSON.stringify(library), ...(alsoWrite?.(library) ?? {}) });
    return { library, result };
  });
}

/**
 * Writes several keys of storage.local in one call (one transaction in both
 * browsers), with the library's version mark.
 */
async function writeAtomically(items: Record<string, unknown>): Promise<void> {
  try {
    await storage.setItems([
      ...Object.entries(items).map(([key, value]) => ({ key: `local:${key}` as const, value })),
      // @wxt-dev/storage keeps an item's version under "<key>$": written in the same call.
      { key: 'local:library$', value: { v: LIBRARY_STORAGE_VERSION } },
    ]);
  } catch (error) {
    throw new LibraryStoreError(isQuotaError(error) ? 'quota' : 'write-failed', { cause: error });
  }
}

function isQuotaError(error: unknown): boolean {
  const text = `${(error as { name?: string })?.name ?? ''} ${(error as { message?: string })?.message ?? String(error)}`;
  return /quota/i.test(text);
}

export function watchLibrary(callback: (library: UserLibrary) => void): () => void {
  return storage.watch<StoredLibraryV2>(KEY, (value) => {
    try {
      callback(value == null ? EMPTY_LIBRARY : parseStored(value));
    } catch {
      // A damaged value is reported by the next read; a watcher keeps what it has.
    }
  });
}
