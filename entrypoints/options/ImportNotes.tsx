import { i18n } from '#i18n';
import type { RemovedCharacters } from '../../core/clean-text';
import type { LongParagraph, RefusedEntry } from './import-limits';

interface Props {
  removed: RemovedCharacters;
  refused: readonly RefusedEntry[];
  paragraphs: readonly LongParagraph[];
  tooMany: { count: number; limit: number } | null;
}

/** Beyond this many characters a title is cut in the notes: the notes say which entry, not what it says. */
const TITLE_SHOWN = 30;

const number = (n: number) => n.toLocaleString(i18n.t('optLanguage') === 'zh' ? 'zh-CN' : 'en');
const shortTitle = (title: string) => (title.length > TITLE_SHOWN ? `${title.slice(0, TITLE_SHOWN)}…` : title);

function refusedLine(entry: RefusedEntry): string {
  const title = shortTitle(entry.title);
  if (entry.length === undefined || entry.limit === undefined) return i18n.t('optRefusedOther', [title, entry.field]);
  const key = entry.field === 'body' ? 'optRefusedBody' : entry.field === 'title' ? 'optRefusedTitle' : 'optRefusedList';
  return i18n.t(key, [title, number(entry.length), number(entry.limit), entry.field]);
}

/**
 * What the import changed or leaves out, said before anything is saved: the
 * invisible characters taken out of the text, and the entries the library
 * cannot hold (with the paragraph that makes them too long, and what to do).
 * Nothing is dropped without a line here.
 */
export function ImportNotes({ removed, refused, paragraphs, tooMany }: Props) {
  if (removed.direction + removed.invalid === 0 && refused.length === 0 && !tooMany) return null;
  return (
    <div class="import-notes" data-import-notes>
      {removed.direction > 0 && (
        <p class="hint" data-note="removed-direction">
          {i18n.t('optRemovedDirection', [number(removed.direction)])}
        </p>
      )}
      {removed.invalid > 0 && (
        <p class="hint" data-note="removed-invalid">
          {i18n.t('optRemovedInvalid', [number(removed.invalid)])}
        </p>
      )}
      {tooMany && (
        <p class="note-problem" role="alert" data-note="too-many">
          {i18n.t('optTooManyEntries', [number(tooMany.count), number(tooMany.limit)])}
        </p>
      )}
      {refused.length > 0 && (
        <div class="note-problem" role="status" data-note="refused">
          <p>{i18n.t('optRefusedHeading', [number(refused.length)])}</p>
          <ul>
            {paragraphs.map((p) => (
              <li key={`p${p.number}`} data-long-paragraph={p.number}>
                {i18n.t('optLongParagraph', [number(p.number), p.start, number(p.length), number(p.limit)])}
              </li>
            ))}
            {refused.map((entry) => (
              <li key={entry.entryId} data-refused-entry={entry.entryId}>
                {refusedLine(entry)}
              </li>
            ))}
          </ul>
          <p>{i18n.t(paragraphs.length > 0 ? 'optRefusedAdviceParagraph' : 'optRefusedAdvice')}</p>
        </div>
      )}
    </div>
  );
}
