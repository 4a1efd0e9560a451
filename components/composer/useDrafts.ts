import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { upsertDraft } from '../../core/draft/list';
import type { Draft } from '../../core/draft/model';
import {
  type RemovedDraft,
  deleteDraft,
  duplicateStoredDraft,
  readDrafts,
  renameStoredDraft,
  saveDraft,
  undoDelete,
  watchDrafts,
} from '../../utils/drafts';
import type { StoredProblem, StoredRead } from '../../utils/stored';

export type SaveState = 'saved' | 'saving' | 'failed';

/** How long typing may pause before the draft is written; a page that goes away writes at once. */
const SAVE_AFTER_MS = 400;

/**
 * The drafts in storage, kept in step across the side panel and the full
 * page, and the one the user is writing, saved as they type: a change is
 * written once typing pauses, and at once when the page is hidden or closed.
 */
export function useDrafts() {
  const drafts = useSignal<Draft[]>([]);
  const loaded = useSignal(false);
  const problem = useSignal<StoredProblem | null>(null);
  const saveState = useSignal<SaveState>('saved');
  /** The change not yet written, and the timer that will write it. */
  const pending = useSignal<{ draft: Draft; timer: ReturnType<typeof setTimeout> } | null>(null);

  const show = (read: StoredRead<'drafts'>) => {
    problem.value = read.ok ? null : read.problem;
    if (read.ok) {
      // A draft being typed into keeps what the user typed over the stored copy until it is written.
      const local = pending.value?.draft;
      drafts.value = read.value.drafts.map((d) => (local && d.id === local.id ? local : d));
    }
    loaded.value = true;
  };

  const write = async (draft: Draft) => {
    saveState.value = 'saving';
    try {
      const list = await saveDraft(draft);
      // Another change may be waiting; it will be written in its turn.
      if (!pending.value) {
        drafts.value = list;
        saveState.value = 'saved';
      }
    } catch {
      saveState.value = 'failed';
    }
  };

  const flush = () => {
    const waiting = pending.value;
    if (!waiting) return Promise.resolve();
    clearTimeout(waiting.timer);
    pending.value = null;
    return write(waiting.draft);
  };

  useEffect(() => {
    void readDrafts().then(show, () => {
      problem.value = { key: 'drafts', code: 'damaged' };
      loaded.value = true;
    });
    const unwatch = watchDrafts(show);
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      unwatch();
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      void flush();
    };
  }, []);

  const listed = (list: Draft[]) => {
    drafts.value = list;
    return list;
  };

  return {
    drafts,
    loaded,
    problem,
    saveState,
    /** Keeps a change and writes it once typing pauses. */
    change(draft: Draft) {
      if (pending.value) clearTimeout(pending.value.timer);
      drafts.value = upsertDraft(drafts.value, draft);
      saveState.value = 'saving';
      pending.value = { draft, timer: setTimeout(() => void flush(), SAVE_AFTER_MS) };
    },
    /** Writes at once (a new draft, a delivery): resolves when it is stored. */
    async saveNow(draft: Draft) {
      if (pending.value?.draft.id === draft.id) {
        clearTimeout(pending.value.timer);
        pending.value = null;
      } else await flush();
      drafts.value = upsertDraft(drafts.value, draft);
      await write(draft);
    },
    flush,
    remove: async (id: string): Promise<RemovedDraft | undefined> => {
      await flush();
      const { drafts: list, removed } = await deleteDraft(id);
      listed(list);
      return removed;
    },
    undoRemove: async (removed: RemovedDraft) => listed(await undoDelete(removed)),
    duplicate: async (id: string) => {
      await flush();
      const { drafts: list, draft } = await duplicateStoredDraft(id);
      listed(list);
      return draft;
    },
    rename: async (id: string, name: string) => {
      await flush();
      return listed(await renameStoredDraft(id, name));
    },
  };
}
