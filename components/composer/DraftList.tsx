import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { Draft } from '../../core/draft/model';
import { countDraft } from '../../core/draft/render';

interface Props {
  drafts: Draft[];
  onOpen: (id: string) => void;
  onRename: (id: string, name: string) => void;
  onDuplicate: (id: string) => void;
  onRemove: (id: string) => void;
}

/** The user's drafts, the last changed first, each with its length and when it was changed. */
export function DraftList({ drafts, onOpen, onRename, onDuplicate, onRemove }: Props) {
  const renaming = useSignal<string | null>(null);
  const sorted = [...drafts].sort((a, b) => b.updatedAt - a.updatedAt);
  if (sorted.length === 0) return <p class="composer-note">{i18n.t('composerNoDrafts')}</p>;
  return (
    <ul class="draft-list" aria-label={i18n.t('composerDraftsTitle')}>
      {sorted.map((draft) => (
        <li key={draft.id} class="draft-item" data-draft-id={draft.id}>
          {renaming.value === draft.id ? (
            <form
              class="rename-form"
              onSubmit={(event) => {
                event.preventDefault();
                const name = (new FormData(event.currentTarget as HTMLFormElement).get('name') as string).trim();
                renaming.value = null;
                if (name && name !== draft.name) onRename(draft.id, name);
              }}
            >
              <input
                type="text"
                name="name"
                aria-label={i18n.t('composerRename')}
                value={draft.name}
                maxLength={200}
                ref={(input) => input?.focus()}
                onKeyDown={(event) => {
                  if (event.key === 'Escape') {
                    event.preventDefault();
                    renaming.value = null;
                  }
                }}
              />
              <button type="submit" class="button">
                {i18n.t('composerRenameSave')}
              </button>
            </form>
          ) : (
            <button type="button" class="draft-open" data-action="open-draft" onClick={() => onOpen(draft.id)}>
              <span class="draft-name">{draft.name || i18n.t('composerUntitled')}</span>
              <span class="draft-meta">
                {i18n.t('composerDraftMeta', [formatTime(draft.updatedAt), countDraft(draft).total.toLocaleString('zh-CN')])}
              </span>
            </button>
          )}
          <span class="draft-tools">
            <button type="button" class="text-button" data-action="rename-draft" onClick={() => (renaming.value = draft.id)}>
              {i18n.t('composerRename')}
            </button>
            <button type="button" class="text-button" data-action="duplicate-draft" onClick={() => onDuplicate(draft.id)}>
              {i18n.t('composerDuplicate')}
            </button>
            <button type="button" class="text-button" data-action="delete-draft" onClick={() => onRemove(draft.id)}>
              {i18n.t('composerDelete')}
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}

function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(i18n.t('composerLocale'), { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
