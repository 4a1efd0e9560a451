/**
 * The collections every surface shows: the built-in collection, generated from
 * the seed report at build time, then the user's own, from extension storage.
 */
import builtin from 'virtual:bixia-builtin-library';
import type { Collection, Entry } from '../core/library';
import { watchLibrary } from './library-store';
import { type StoredProblem, readStored } from './stored';

export const builtinCollection: Collection = builtin;

export interface CollectionsResult {
  collections: Collection[];
  /** The user's library could not be read: only the built-in collection is listed. */
  problem?: StoredProblem;
}

/** Built-in first, then the user's. A stored library that cannot be read still leaves the built-in one usable. */
export async function loadCollections(): Promise<CollectionsResult> {
  try {
    const { library } = await readStored(['library']);
    return library.ok ? { collections: [builtin, ...library.value.collections] } : { collections: [builtin], problem: library.problem };
  } catch {
    return { collections: [builtin], problem: { key: 'library', code: 'damaged' } };
  }
}

/** Calls back with the full list whenever any page changes the user's library (or damages it). */
export function watchCollections(callback: (result: CollectionsResult) => void): () => void {
  return watchLibrary((read) =>
    callback(read.ok ? { collections: [builtin, ...read.value.collections] } : { collections: [builtin], problem: read.problem }),
  );
}

export function isBuiltinEntryId(id: string): boolean {
  return id.startsWith(`${builtin.id}:`);
}

export function allEntries(collections: readonly Collection[]): Entry[] {
  return collections.flatMap((c) => c.entries);
}
