/**
 * Every change the options page makes to what Bixia stores goes through here:
 * a pure edit applied to the library as stored *now* (another page may have
 * changed it since this one last looked), an import applied only to the
 * library its plan was made on, or the reset of a value that cannot be read.
 * Each is one atomic write under the locks of the keys it touches. What was
 * saved shows at once, without reading it back; a failure becomes the page's
 * alert and changes nothing.
 */
import type { Signal } from '@preact/signals';
import { i18n } from '#i18n';
import { EMPTY_LIBRARY, type UserLibrary } from '../../core/library-edit';
import type { Collection, LibraryDocument } from '../../core/library';
import type { ImportMode } from '../../core/library-import';
import { storedKeyName } from '../../components/LibraryProblem';
import { type ImportOutcome, applyImport } from '../../utils/library-backup';
import { updateLibrary } from '../../utils/library-store';
import { type StoredKey, resetStored } from '../../utils/stored';
import { writeErrorMessage } from './messages';
import { alert, showStatus } from './state';

export type Edit<R> = (library: UserLibrary, now: number) => { library: UserLibrary; result?: R } | UserLibrary;
export type WriteOutcome<R> = { ok: true; result: R | undefined; library: UserLibrary } | { ok: false; error: unknown };

let shown: Signal<Collection[]> | null = null;

/**
 * The page's list of the user's collections (useCollections' `own`). A write
 * shows in it at once, rather than when the storage event arrives, so what the
 * page selects after a write (a new entry, a new collection) is already there.
 */
export function bindCollections(collections: Signal<Collection[]>) {
  shown = collections;
}

function showLibrary(library: UserLibrary) {
  if (shown) shown.value = library.collections;
}

async function guarded<T>(write: () => Promise<T>, show: (done: T) => UserLibrary | undefined): Promise<{ ok: true; done: T } | { ok: false; error: unknown }> {
  try {
    const done = await write();
    alert.value = null;
    const library = show(done);
    if (library) showLibrary(library);
    return { ok: true, done };
  } catch (error) {
    alert.value = writeErrorMessage(error);
    return { ok: false, error };
  }
}

/** The edit's result and the library as saved; on failure the alert already says why. */
export async function writeLibrary<R>(edit: Edit<R>): Promise<WriteOutcome<R>> {
  const outcome = await guarded(() => updateLibrary<R>((library) => edit(library, Date.now())), (saved) => saved.library);
  return outcome.ok ? { ok: true, ...outcome.done } : outcome;
}

/**
 * Restores a backup as planned on `basis`; when another page changed the
 * library meanwhile, nothing is written and the outcome carries the new plan.
 * Undefined on failure (the alert says why).
 */
export async function writeImport(document: LibraryDocument, mode: ImportMode, basis: string): Promise<ImportOutcome | undefined> {
  const outcome = await guarded(
    () => applyImport(document, mode, basis),
    (done) => (done.applied ? done.library : undefined),
  );
  return outcome.ok ? outcome.done : undefined;
}

/** Empties a stored value the page cannot read, after the user has confirmed. */
export async function resetStoredKey(key: StoredKey): Promise<void> {
  const outcome = await guarded(
    () => resetStored(key),
    () => (key === 'library' ? EMPTY_LIBRARY : undefined),
  );
  if (outcome.ok) showStatus(i18n.t('storedResetDone', [storedKeyName(key)]));
}
