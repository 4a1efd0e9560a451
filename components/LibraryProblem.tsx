import { i18n } from '#i18n';
import type { LibraryStoreError } from '../utils/library-store';

/** Says plainly why the user's own collections are missing, when they cannot be read. */
export function LibraryProblem({ error }: { error: LibraryStoreError | undefined }) {
  if (!error) return null;
  return (
    <div class="library-problem" role="alert">
      {error.code === 'too-new' ? i18n.t('libraryTooNew') : i18n.t('libraryDamaged')}
    </div>
  );
}
