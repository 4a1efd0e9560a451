/**
 * The collections every surface shows: the built-in collection, generated from
 * the seed report at build time.
 */
import builtin from 'virtual:bixia-builtin-library';
import type { Collection, Entry } from '../core/library';

export function loadCollections(): Collection[] {
  return [builtin];
}

export function allEntries(collections: Collection[]): Entry[] {
  return collections.flatMap((c) => c.entries);
}
