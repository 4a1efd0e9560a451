import { useSignal } from '@preact/signals';
import { i18n } from '#i18n';
import type { StoredKey, StoredProblem } from '../utils/stored';

/** Each stored key as the user knows it. */
export function storedKeyName(key: StoredKey): string {
  switch (key) {
    case 'library':
      return i18n.t('storedKeyLibrary');
    case 'favorites':
      return i18n.t('storedKeyFavorites');
    case 'recent':
      return i18n.t('storedKeyRecent');
    case 'placeholderValues':
      return i18n.t('storedKeyPlaceholderValues');
    case 'settings':
      return i18n.t('storedKeySettings');
    case 'drafts':
      return i18n.t('storedKeyDrafts');
    case 'triggers':
      return i18n.t('storedKeyTriggers');
  }
}

interface Props {
  /** The keys that cannot be read (an undefined stands for none, as useCollections gives it). */
  problems: readonly (StoredProblem | undefined)[];
  /** A favourite or recent use could not be saved. */
  notSaved?: boolean;
  /** Writes the key's empty value; asked for only after the user has confirmed. */
  onReset: (key: StoredKey) => Promise<unknown>;
  /** The options page: saves what storage holds for the key to a file first. */
  onSaveRaw?: (key: StoredKey) => void;
  /**
   * The popup and the side panel send a damaged library to the options page,
   * where its raw data can be saved before it is reset.
   */
  onOpenManager?: () => void;
}

/**
 * Says plainly which stored value cannot be read (everything else keeps
 * working, the built-in collection included) and offers the way out: reset
 * that one key, after the user confirms; on the options page, save its raw
 * data first. Also says when a favourite or recent use could not be saved.
 */
export function LibraryProblem({ problems: given, notSaved = false, onReset, onSaveRaw, onOpenManager }: Props) {
  const confirming = useSignal<StoredKey | null>(null);
  const busy = useSignal(false);
  const problems = given.filter((p): p is StoredProblem => p !== undefined);
  if (problems.length === 0 && !notSaved) return null;
  const reset = async (key: StoredKey) => {
    busy.value = true;
    try {
      await onReset(key);
    } finally {
      busy.value = false;
      confirming.value = null;
    }
  };
  return (
    <div class="library-problem" role="alert">
      {problems.map(({ key, code }) => {
        const name = storedKeyName(key);
        const manageOnly = key === 'library' && onOpenManager !== undefined;
        return (
          <div key={key} class="stored-problem" data-problem-key={key} data-problem-code={code}>
            <p>{code === 'too-new' ? i18n.t('storedTooNew', [name]) : i18n.t('storedDamaged', [name])}</p>
            {manageOnly && <p>{i18n.t('storedLibraryElsewhere')}</p>}
            {onSaveRaw && <p class="hint">{i18n.t('storedSaveRawHint')}</p>}
            {confirming.value === key ? (
              <div class="problem-actions" role="group" aria-label={i18n.t('storedReset', [name])}>
                <p>{i18n.t('storedResetConfirm', [name])}</p>
                <button type="button" class="button button-primary" data-action="confirm-reset" disabled={busy.value} onClick={() => void reset(key)}>
                  {i18n.t('storedResetYes')}
                </button>
                <button type="button" class="button" data-action="cancel-reset" onClick={() => (confirming.value = null)}>
                  {i18n.t('storedCancel')}
                </button>
              </div>
            ) : (
              <div class="problem-actions">
                {manageOnly ? (
                  <button type="button" class="button" data-action="open-manager" onClick={onOpenManager}>
                    {i18n.t('manageLibrary')}
                  </button>
                ) : (
                  <>
                    {onSaveRaw && (
                      <button type="button" class="button" data-action="save-raw" onClick={() => onSaveRaw(key)}>
                        {i18n.t('storedSaveRaw')}
                      </button>
                    )}
                    <button type="button" class="button" data-action="reset-stored" onClick={() => (confirming.value = key)}>
                      {i18n.t('storedReset', [name])}
                    </button>
                  </>
                )}
              </div>
            )}
          </div>
        );
      })}
      {notSaved && <p>{i18n.t('preferencesNotSaved')}</p>}
    </div>
  );
}
