import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import { type DraftParts, draftFromParts } from '../../core/draft/from-report';
import { renderBody } from '../../core/placeholders';
import { randomIdPart } from '../../core/library-edit';
import type { Collection, Entry } from '../../core/library';
import type { RemovedDraft } from '../../utils/drafts';
import { resetStored } from '../../utils/stored';
import { LibraryProblem } from '../LibraryProblem';
import { StatusBar } from '../StatusBar';
import type { Outcome } from '../deliver';
import type { usePreferences } from '../usePreferences';
import { useStatus } from '../useStatus';
import { DraftEditor } from './DraftEditor';
import { DraftList } from './DraftList';
import { StartPicker } from './StartPicker';
import { useDrafts } from './useDrafts';
import './composer.css';

interface Props {
  mode: 'panel' | 'page';
  collections: Collection[];
  entries: Entry[];
  preferences: ReturnType<typeof usePreferences>;
  /** The draft to open first (the full page is opened for one). */
  initialDraftId?: string;
  onInsert?: (text: string, allowTruncate: boolean) => Promise<Outcome>;
  onOpenFull?: (draftId: string) => void;
  onOpenManager: () => void;
  /** Tells the page which draft is open, so a reload opens it again. */
  onOpenDraft?: (draftId: string | null) => void;
}

/**
 * 写报告: the list of drafts and the one being written. Drafts live in
 * storage (utils/drafts.ts) and are saved as the user types, so closing the
 * panel or the browser loses nothing.
 */
export function Composer(props: Props) {
  const store = useDrafts();
  const status = useStatus();
  const openId = useSignal<string | null>(props.initialDraftId ?? null);
  const starting = useSignal(false);
  const deleted = useSignal<RemovedDraft | null>(null);
  const open = (id: string | null) => {
    openId.value = id;
    props.onOpenDraft?.(id);
  };
  useEffect(() => {
    // A draft deleted elsewhere while open: back to the list, which says nothing is lost yet only if undone.
    if (store.loaded.value && openId.value && !store.drafts.value.some((d) => d.id === openId.value)) open(null);
  }, [store.loaded.value, store.drafts.value]);

  const problem = store.problem.value;
  const draft = store.drafts.value.find((d) => d.id === openId.value);
  const say = (message: string, tone: Parameters<typeof status.show>[1] = 'info', detail?: string) => status.show(message, tone, detail);

  const start = async (parts: DraftParts | null, source?: string) => {
    const now = Date.now();
    const made = draftFromParts(parts ?? { title: '', nodes: [], signature: '' }, {
      id: `draft-${randomIdPart()}`,
      now,
      name: renderBody(parts?.title ?? '').trim() || i18n.t('composerUntitled'),
      source,
    });
    starting.value = false;
    await store.saveNow(made);
    open(made.id);
  };

  const failed = () => say(i18n.t('composerSaveFailed'), 'error');

  return (
    <div class="composer" data-mode={props.mode} data-drafts={store.loaded.value ? 'loaded' : undefined}>
      <LibraryProblem
        problems={problem ? [problem] : []}
        onReset={resetStored}
        onOpenManager={props.onOpenManager}
      />
      {!store.loaded.value || problem ? null : draft ? (
        <DraftEditor
          draft={draft}
          mode={props.mode}
          collections={props.collections}
          entries={props.entries}
          preferences={props.preferences}
          saveState={store.saveState.value}
          onChange={store.change}
          onClose={() => {
            void store.flush();
            open(null);
          }}
          onOpenFull={props.onOpenFull ? () => void store.flush().then(() => props.onOpenFull!(draft.id)) : undefined}
          onInsert={props.onInsert}
          onStatus={say}
        />
      ) : (
        <div class="drafts">
          <div class="drafts-header">
            <h2 class="composer-heading">{i18n.t('composerDraftsTitle')}</h2>
            {!starting.value && (
              <button type="button" class="button button-primary" data-action="new-draft" onClick={() => (starting.value = true)}>
                {i18n.t('composerNew')}
              </button>
            )}
          </div>
          {starting.value && <StartPicker collections={props.collections} newId={() => `n-${randomIdPart()}`} onStart={(p, s) => void start(p, s).catch(failed)} />}
          {deleted.value && (
            <div class="undo-bar" role="status">
              <span>{i18n.t('composerDraftDeleted', [deleted.value.draft.name || i18n.t('composerUntitled')])}</span>
              <button
                type="button"
                class="button"
                data-action="undo-delete-draft"
                onClick={() => {
                  const back = deleted.value!;
                  deleted.value = null;
                  void store.undoRemove(back).catch(failed);
                }}
              >
                {i18n.t('undo')}
              </button>
            </div>
          )}
          <DraftList
            drafts={store.drafts.value}
            onOpen={open}
            onRename={(id, name) => void store.rename(id, name).catch(failed)}
            onDuplicate={(id) => void store.duplicate(id).catch(failed)}
            onRemove={(id) =>
              void store
                .remove(id)
                .then((removed) => (deleted.value = removed ?? null))
                .catch(failed)
            }
          />
        </div>
      )}
      <StatusBar message={status.message} detail={status.detail} tone={status.tone} />
    </div>
  );
}
