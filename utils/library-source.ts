/**
 * The collections every surface shows: Bixia's own (the model report, the
 * phrase library, the document frameworks; made at build time) that the user
 * has not turned off in the settings, then the user's own, from extension
 * storage. The settings are read with the other small preferences
 * (components/usePreferences.ts), before anything is listed, so a hidden
 * collection never shows, not even for a moment.
 */
import builtin, { builtinInfo } from 'virtual:bixia-builtin-library';
import type { BuiltinInfo } from '../core/builtin-ids';
import type { Collection, Entry } from '../core/library';
import { watchLibrary } from './library-store';
import { type Settings, type StoredProblem, type StoredRead, readStored } from './stored';

export { isBuiltinCollectionId, isBuiltinEntryId } from '../core/builtin-ids';

/** The model report's collection, in the page's first chunk. */
export const builtinCollection: Collection = builtin;
/** Every built-in collection's id, name and size, shown or not, in the order they are listed. */
export const builtinCollections: readonly BuiltinInfo[] = builtinInfo;

let extra: Promise<Collection[]> | null = null;

/**
 * The other built-in collections (the phrase library, the frameworks): a
 * chunk of their own, loaded once, after the popup's first screen, since
 * their hundreds of entries would slow down its opening.
 */
export function loadBuiltinCollections(): Promise<Collection[]> {
  extra ??= import('virtual:bixia-builtin-extra').then((module) => [builtin, ...module.collections]);
  return extra;
}

export interface CollectionsResult {
  /** The user's own collections. */
  collections: Collection[];
  /** The user's library could not be read: none of theirs are listed, the built-in ones still are. */
  problem?: StoredProblem;
}

/** Whether a built-in collection shows: the user's choice, else its default. */
export function isBuiltinShown(settings: Settings, id: string): boolean {
  const choice = settings.builtins.find(([chosen]) => chosen === id);
  return choice ? choice[1] : builtinInfo.some((info) => info.id === id && info.shownByDefault);
}

/** Of `collections` (the built-in ones loaded so far), those that show under `settings`, in their order. */
export function shownBuiltins(settings: Settings, collections: readonly Collection[] = [builtin]): Collection[] {
  return collections.filter((c) => isBuiltinShown(settings, c.id));
}

function ownCollections(read: StoredRead<'library'>): CollectionsResult {
  return read.ok ? { collections: read.value.collections } : { collections: [], problem: read.problem };
}

/** The user's collections, as stored now. */
export async function loadCollections(): Promise<CollectionsResult> {
  try {
    const { library } = await readStored(['library']);
    return ownCollections(library);
  } catch {
    return { collections: [], problem: { key: 'library', code: 'damaged' } };
  }
}

/** Calls back with the user's collections whenever any page changes the library (or damages it). */
export function watchCollections(callback: (result: CollectionsResult) => void): () => void {
  return watchLibrary((read) => callback(ownCollections(read)));
}

export function allEntries(collections: readonly Collection[]): Entry[] {
  return collections.flatMap((c) => c.entries);
}
