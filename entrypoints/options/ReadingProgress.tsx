import { i18n } from '#i18n';
import type { ReadProgress } from './files';
import { megabytes } from './logic';

interface Props {
  name: string;
  /** Bytes read so far; null once reading is done and the text is being parsed. */
  progress: ReadProgress | null;
  onCancel: () => void;
}

/** Reading a big file, then parsing it: a bar the user can follow, and a way out. */
export function ReadingProgress({ name, progress, onCancel }: Props) {
  const label = progress ? i18n.t('optReading', [name, megabytes(progress.loaded), megabytes(progress.total)]) : i18n.t('optParsing');
  return (
    <div class="reading" data-reading={progress ? 'reading' : 'parsing'} aria-busy="true">
      <label class="reading-label" for="reading-progress">
        {label}
      </label>
      {/* No value while parsing: an indeterminate bar, since the parser reports no progress. */}
      <progress key={progress ? 'reading' : 'parsing'} id="reading-progress" max={progress?.total || undefined} value={progress ? progress.loaded : undefined} />
      <button type="button" class="button" data-action="cancel-reading" onClick={onCancel}>
        {i18n.t('optCancel')}
      </button>
    </div>
  );
}
