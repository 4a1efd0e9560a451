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
 * - Reading never writes, and costs one storage read: a 10,000-entry library is
 *   megabytes. Formats and versions: utils/stored.ts.
 */
import type { UserLibrary } from '../core/library-edit';
import { StoreError, type StoredRead, readStored, updateStored, watchStored } from './stored';

/** The stored library, checked. Throws StoreError rather than hand out a broken one. */
export async function readLibrary(): Promise<UserLibrary> {
  const { library } = await readStored(['library']);
  if (!library.ok) throw new StoreError(library.problem.code, 'library');
  return library.value;
}

export type LibraryChange<R> = (library: UserLibrary) => { library: UserLibrary; result?: R } | UserLibrary;

/**
 * Applies `change` to the library as stored now and saves the result in one
 * write (none when it hands back the very library it was given). Returns what
 * was saved, with whatever `change` handed back beside it.
 */
export async function updateLibrary<R = undefined>(change: LibraryChange<R>): Promise<{ library: UserLibrary; result: R | undefined }> {
  const { values, result } = await updateStored(['library'], ({ library }) => {
    const out = change(library);
    const next = 'library' in out ? out : { library: out, result: undefined };
    return { write: next.library === library ? {} : { library: next.library }, result: next.result };
  });
  return { library: values.library, result };
}

export function watchLibrary(callback: (read: StoredRead<'library'>) => void): () => void {
  return watchStored('library', callback);
}
