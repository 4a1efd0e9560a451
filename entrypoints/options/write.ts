/**
 * Every change the options page makes to the library goes through here: a
 * pure edit applied by updateLibrary to the library as stored *now* (another
 * page may have changed it since this one last looked), in one atomic write.
 * A failure becomes the page's alert and changes nothing.
 */
import type { Signal } from '@preact/signals';
import type { UserLibrary } from '../../core/library-edit';
import type { Collection } from '../../core/library';
import { builtinCollection } from '../../utils/library-source';
import { readLibrary, updateLibrary } from '../../utils/library-store';
import { writeErrorMessage } from './messages';
import { alert } from './state';

export type Edit<R> = (library: UserLibrary, now: number) => { library: UserLibrary; result?: R } | UserLibrary;
export type WriteOutcome<R> = { ok: true; result: R | undefined; library: UserLibrary } | { ok: false; error: unknown };

let shown: Signal<Collection[]> | null = null;

/**
 * The page's list of collections (useCollections). A write shows in it at
 * once, rather than when the storage event arrives, so what the page selects
 * after a write (a new entry, a new collection) is already there.
 */
export function bindCollections(collections: Signal<Collection[]>) {
  shown = collections;
}

export function showLibrary(library: UserLibrary) {
  if (shown) shown.value = [builtinCollection, ...library.collections];
}

/** Shows the library as stored now, after a write made elsewhere (an import through utils/library-backup). */
export async function refreshLibrary(): Promise<void> {
  try {
    showLibrary(await readLibrary());
  } catch {
    // The storage event brings it anyway; a library that cannot be read already shows its own alert.
  }
}

/** The edit's result and the library as saved; on failure the alert already says why. */
export async function writeLibrary<R>(edit: Edit<R>): Promise<WriteOutcome<R>> {
  try {
    const saved = await updateLibrary<R>((library) => edit(library, Date.now()));
    alert.value = null;
    showLibrary(saved.library);
    return { ok: true, ...saved };
  } catch (error) {
    alert.value = writeErrorMessage(error);
    return { ok: false, error };
  }
}
