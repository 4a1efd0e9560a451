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
 */
import { storage } from '@wxt-dev/storage';
import * as v from 'valibot';
import { EMPTY_LIBRARY, type UserLibrary } from '../core/library-edit';
import { CollectionSchema } from '../core/library-schema';
import type { Collection } from '../core/library';
import { withStorageLock } from './storage-lock';

export const LIBRARY_STORAGE_VERSION = 2;

/** Version 1 kept the user's collections as a bare list, with no dates. */
export type StoredLibraryV1 = Collection[];

export const migrations = {
  2: (stored: StoredLibraryV1 | UserLibrary, now = Date.now()): UserLibrary => {
    if (!Array.isArray(stored)) return stored;
    return {
      collections: stored.map((c) => ({
        ...c,
        readOnly: false,
        createdAt: c.createdAt ?? now,
        updatedAt: c.updatedAt ?? now,
      })),
    };
  },
};

export const libraryItem = storage.defineItem<UserLibrary>('local:library', {
  fallback: EMPTY_LIBRARY,
  version: LIBRARY_STORAGE_VERSION,
  migrations: { 2: (stored: StoredLibraryV1 | UserLibrary) => migrations[2](stored) },
});

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

/** The stored library, checked. Throws LibraryStoreError('damaged') rather than hand out a broken one. */
export async function readLibrary(): Promise<UserLibrary> {
  let stored: unknown;
  try {
    stored = await libraryItem.getValue();
  } catch (error) {
    throw new LibraryStoreError(isDowngrade(error) ? 'too-new' : 'damaged', { cause: error });
  }
  const meta = (await libraryItem.getMeta()) as { v?: number } | null;
  if ((meta?.v ?? 1) > LIBRARY_STORAGE_VERSION) throw new LibraryStoreError('too-new');
  const checked = v.safeParse(StoredLibrarySchema, stored);
  if (!checked.success) throw new LibraryStoreError('damaged');
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
    await writeAtomically({ library, ...(alsoWrite?.(library) ?? {}) });
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

export function isQuotaError(error: unknown): boolean {
  const text = `${(error as { name?: string })?.name ?? ''} ${(error as { message?: string })?.message ?? String(error)}`;
  return /quota/i.test(text);
}

function isDowngrade(error: unknown): boolean {
  return /downgrade/i.test(String((error as { message?: string })?.message ?? error));
}

export function watchLibrary(callback: (library: UserLibrary) => void): () => void {
  return libraryItem.watch((value) => {
    const checked = v.safeParse(StoredLibrarySchema, value);
    if (checked.success) callback(checked.output as UserLibrary);
  });
}
