/**
 * The collections every surface shows: the built-in collection, generated from
 * the seed report at build time, then the user's own, from extension storage.
 */
import builtin from 'virtual:bixia-builtin-library';
import type { Collection, Entry } from '../core/library';
import { type LibraryStoreError, readLibrary, watchLibrary } from './library-store';

export const builtinCollection: Collection = builtin;

export type CollectionsResult = { collections: Collection[]; error?: undefined } | { collections: Collection[]; error: LibraryStoreError };

/** Built-in first, then the user's. A stored library that cannot be read still leaves the built-in one usable. */
export async function loadCollections(): Promise<CollectionsResult> {
  try {
    const user = await readLibrary();
    return { collections: [builtin, ...user.collections] };
  } catch (error) {
    return { collections: [builtin], error: error as LibraryStoreError };
  }
}

/** Calls back with the full list whenever another page changes the user's library. */
export function watchCollections(callback: (collections: Collection[]) => void): () => void {
  return watchLibrary((user) => callback([builtin, ...user.collections]));
}

export function isBuiltinEntryId(id: string): boolean {
  return id.startsWith(`${builtin.id}:`);
}

export function allEntries(collections: readonly Collection[]): Entry[] {
  return collections.flatMap((c) => c.entries);
}
