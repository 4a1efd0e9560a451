/**
 * The composer's drafts in extension storage (the `drafts` key, utils/stored.ts).
 * Each change applies a pure function of core/draft/list.ts to the list as
 * stored at that moment, under the key's lock, so two pages saving two drafts
 * keep both. A stored list that cannot be read (damaged, or saved by a newer
 * Bixia) is never overwritten: every change is refused with a StoreError and
 * the UI offers the way out (LibraryProblem).
 */
import * as v from 'valibot';
import { i18n } from '#i18n';
import { type RemovedDraft, duplicateDraft, removeDraft, renameDraft, restoreDraft, upsertDraft } from '../core/draft/list';
import type { Draft } from '../core/draft/model';
import { DraftsSchema } from '../core/draft/schema';
import { randomIdPart } from '../core/library-edit';
import { type StoredRead, defineStoredFormat, readStored, updateStored, watchStored } from './stored';

export type { RemovedDraft } from '../core/draft/list';

defineStoredFormat('drafts', {
  version: 1,
  empty: { drafts: [] },
  decode(stored, version) {
    // JSON text for the library's reason (a tree of many small objects is slow to hand a page),
    // and each save and change event carries the whole list, not just the draft that changed.
    if (version !== 1 || typeof stored !== 'string') return undefined;
    try {
      const result = v.safeParse(DraftsSchema, JSON.parse(stored));
      return result.success ? result.output : undefined;
    } catch {
      return undefined;
    }
  },
  encode: (drafts) => JSON.stringify(drafts),
  check: (drafts) => v.is(DraftsSchema, drafts),
});

export async function readDrafts(): Promise<StoredRead<'drafts'>> {
  return (await readStored(['drafts'])).drafts;
}

/** Calls back whenever any page changes the drafts; returns what stops it. */
export function watchDrafts(callback: (read: StoredRead<'drafts'>) => void): () => void {
  return watchStored('drafts', callback);
}

/**
 * Applies `change` to the stored list under its lock and returns the list as
 * it now is; a change that gives no list writes nothing (no change event for
 * the other pages).
 */
async function changeDrafts<R>(change: (list: Draft[]) => { list?: Draft[]; result?: R }): Promise<{ drafts: Draft[]; result: R | undefined }> {
  const { values, result } = await updateStored(['drafts'], ({ drafts }) => {
    const out = change(drafts.drafts);
    return { write: out.list ? { drafts: { drafts: out.list } } : {}, result: out.result };
  });
  return { drafts: values.drafts.drafts, result };
}

/** Stores `draft`, in place of the one with its id or as the first. */
export async function saveDraft(draft: Draft): Promise<Draft[]> {
  return (await changeDrafts((list) => ({ list: upsertDraft(list, draft) }))).drafts;
}

/** `removed` is what undoDelete takes; absent when the draft was already gone (deleted in another page). */
export async function deleteDraft(id: string): Promise<{ drafts: Draft[]; removed?: RemovedDraft }> {
  const { drafts, result } = await changeDrafts((list) => {
    const out = removeDraft(list, id);
    return out.removed ? { list: out.list, result: out.removed } : {};
  });
  return result ? { drafts, removed: result } : { drafts };
}

/** Puts a deleted draft back where it stood; changes made to other drafts meanwhile stay. */
export async function undoDelete(removed: RemovedDraft): Promise<Draft[]> {
  return (await changeDrafts((list) => (list.some((d) => d.id === removed.draft.id) ? {} : { list: restoreDraft(list, removed) }))).drafts;
}

export interface DuplicateOptions {
  /** The copy's name from the original's; by default the name and 「（副本）」. */
  copyName?: (name: string) => string;
  /** The copy's id; tests pass their own. */
  newId?: string;
}

/** A copy of the draft right after it; throws DraftListError when there is no such draft. */
export async function duplicateStoredDraft(id: string, now = Date.now(), options: DuplicateOptions = {}): Promise<{ drafts: Draft[]; draft: Draft }> {
  const copyName = options.copyName ?? ((name: string) => `${name}${i18n.t('optCopySuffix')}`);
  const newId = options.newId ?? `d-${randomIdPart()}`;
  const { drafts, result } = await changeDrafts((list) => {
    const out = duplicateDraft(list, id, newId, now, copyName);
    return { list: out.list, result: out.draft };
  });
  return { drafts, draft: result! };
}

/** Throws DraftListError when there is no such draft. */
export async function renameStoredDraft(id: string, name: string, now = Date.now()): Promise<Draft[]> {
  return (await changeDrafts((list) => ({ list: renameDraft(list, id, name, now) }))).drafts;
}
