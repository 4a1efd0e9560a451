import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import type { ReadingParagraph } from '../../core/reading';

interface Props {
  paragraphs: ReadingParagraph[];
  onActivate: (entry: Entry) => void;
}

/**
 * The whole report to read, where each paragraph and each highlighted phrase
 * inserts with one click (or Enter / Space from the keyboard).
 */
export function Reading({ paragraphs, onActivate }: Props) {
  const activateOnKey = (entry: Entry) => (event: KeyboardEvent) => {
    if (event.isComposing || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    event.stopPropagation();
    onActivate(entry);
  };
  return (
    <article class="reading" aria-label={i18n.t('tabRead')}>
      {paragraphs.map((paragraph) => (
        <p
          key={paragraph.entry.id}
          class="reading-paragraph"
          role="button"
          tabIndex={0}
          title={i18n.t('insertAction')}
          data-entry-id={paragraph.entry.id}
          onClick={() => onActivate(paragraph.entry)}
          onKeyDown={activateOnKey(paragraph.entry)}
        >
          {paragraph.runs.map((run, i) =>
            'phrase' in run ? (
              <mark
                key={i}
                class="reading-phrase"
                role="button"
                tabIndex={0}
                data-entry-id={run.phrase.id}
                onClick={(event) => {
                  event.stopPropagation();
                  onActivate(run.phrase);
                }}
                onKeyDown={activateOnKey(run.phrase)}
              >
                {run.text}
              </mark>
            ) : (
              run.text
            ),
          )}
        </p>
      ))}
    </article>
  );
}
