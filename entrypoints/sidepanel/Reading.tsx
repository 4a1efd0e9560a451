import { signal } from '@preact/signals';
import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import type { ReadingParagraph } from '../../core/reading';

interface Props {
  paragraphs: ReadingParagraph[];
  onActivate: (entry: Entry) => void;
}

/** A place in the text: a paragraph, and one of its phrases (-1 for the paragraph itself). */
interface Place {
  paragraph: number;
  phrase: number;
}

/**
 * Where the keyboard is in the text. Outside the component: the panel shows
 * the placeholder form instead of the text while a paragraph is filled in, and
 * the focus goes back to the same place after.
 */
const place = signal<Place>({ paragraph: 0, phrase: -1 });

export const readingItemId = ({ paragraph, phrase }: Place) => (phrase < 0 ? `reading-${paragraph}` : `reading-${paragraph}-${phrase}`);

/** The place a key moves to from `at`, or null when the key does not move. */
function moved(at: Place, key: string, paragraphs: number, phrasesIn: (paragraph: number) => number): Place | null {
  switch (key) {
    case 'ArrowDown':
      return at.paragraph + 1 < paragraphs ? { paragraph: at.paragraph + 1, phrase: -1 } : null;
    case 'ArrowUp':
      return at.paragraph > 0 ? { paragraph: at.paragraph - 1, phrase: -1 } : at.phrase >= 0 ? { ...at, phrase: -1 } : null;
    case 'ArrowRight':
      return at.phrase + 1 < phrasesIn(at.paragraph) ? { ...at, phrase: at.phrase + 1 } : null;
    case 'ArrowLeft':
      return at.phrase >= 0 ? { ...at, phrase: at.phrase - 1 } : null;
    case 'Home':
      return { paragraph: 0, phrase: -1 };
    case 'End':
      return { paragraph: paragraphs - 1, phrase: -1 };
    default:
      return null;
  }
}

/**
 * The whole report to read, where each paragraph and each highlighted phrase
 * inserts with one click, or Enter. It is a grid of one column, so that a
 * phrase (a button) can sit in its paragraph (a cell) without one control
 * inside another, and it is one tab stop: ↑/↓ go from paragraph to
 * paragraph, ←/→ from phrase to phrase within one, Home/End to the first and
 * last paragraph.
 */
export function Reading({ paragraphs, onActivate }: Props) {
  const phrasesOf = paragraphs.map((p) => p.runs.flatMap((run) => ('phrase' in run ? [run.phrase] : [])));
  const current = place.value;
  // A place the text no longer has (another collection's text) falls back to its start.
  const at = current.paragraph < paragraphs.length && current.phrase < (phrasesOf[current.paragraph]?.length ?? 0) ? current : { paragraph: 0, phrase: -1 };
  const tabIndexOf = (p: Place) => (p.paragraph === at.paragraph && p.phrase === at.phrase ? 0 : -1);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229 || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const entry = at.phrase < 0 ? paragraphs[at.paragraph]?.entry : phrasesOf[at.paragraph]?.[at.phrase];
      if (entry) onActivate(entry);
      return;
    }
    const next = moved(at, event.key, paragraphs.length, (i) => phrasesOf[i]?.length ?? 0);
    if (!next) return;
    event.preventDefault();
    document.getElementById(readingItemId(next))?.focus();
  };

  return (
    <div class="reading" role="grid" aria-label={i18n.t('tabRead')} aria-readonly="true" onKeyDown={onKeyDown}>
      {paragraphs.map((paragraph, p) => {
        let phrase = -1;
        const self = { paragraph: p, phrase: -1 };
        return (
          <div key={paragraph.entry.id} role="row" class="reading-row">
            <p
              class="reading-paragraph"
              role="gridcell"
              id={readingItemId(self)}
              tabIndex={tabIndexOf(self)}
              title={i18n.t('insertAction')}
              data-entry-id={paragraph.entry.id}
              onFocus={(event) => {
                // A phrase's focus bubbles here too: only the paragraph's own counts.
                if (event.target === event.currentTarget) place.value = self;
              }}
              onClick={() => onActivate(paragraph.entry)}
            >
              {paragraph.runs.map((run, i) => {
                if (!('phrase' in run)) return run.text;
                const mine = { paragraph: p, phrase: ++phrase };
                return (
                  <mark
                    key={i}
                    class="reading-phrase"
                    role="button"
                    id={readingItemId(mine)}
                    tabIndex={tabIndexOf(mine)}
                    data-entry-id={run.phrase.id}
                    onFocus={() => (place.value = mine)}
                    onClick={(event) => {
                      event.stopPropagation();
                      onActivate(run.phrase);
                    }}
                  >
                    {run.text}
                  </mark>
                );
              })}
            </p>
          </div>
        );
      })}
    </div>
  );
}
