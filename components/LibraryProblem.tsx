import { i18n } from '#i18n';
import type { LibraryStoreError } from '../utils/library-store';

/**
 * Says plainly why the user's own collections are missing, when they cannot be
 * read, and when a favourite or recent use could not be saved.
 */
export function LibraryProblem({ error, notSaved = false }: { error: LibraryStoreError | undefined; notSaved?: boolean }) {
  if (!error && !notSaved) return null;
  return (
    <div class="library-problem" role="alert">
      {error && <p>{error.code === 'too-new' ? i18n.t('libraryTooNew') : i18n.t('libraryDamaged')}</p>}
      {notSaved && <p>{i18n.t('preferencesNotSaved')}</p>}
    </div>
  );
}
