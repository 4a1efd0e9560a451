import { i18n } from '#i18n';
import type { Entry } from '../core/library';
import { renderBody } from '../core/placeholders';
import { framePartOf } from '../core/tags';
import { Highlighted } from './Highlighted';

const PREVIEW_CHARS = 80;

/**
 * The start of what an entry inserts, without the heading the row already
 * shows as its title ("一是创新思维能力还需进一步提升。虽然…" → "虽然…").
 */
export function entryPreview(entry: Entry): string {
  // Only the start is shown: render a prefix (a whole report is thousands of characters, and a
  // list renders up to 200 rows per keystroke), cut before any placeholder it would split.
  let head = entry.body.slice(0, PREVIEW_CHARS * 4);
  const open = head.lastIndexOf('{{');
  if (head.length < entry.body.length && open > head.lastIndexOf('}}')) head = head.slice(0, open);
  let text = renderBody(head).replace(/\s+/g, ' ');
  const at = text.indexOf(entry.title);
  if (entry.title && at >= 0 && at <= 12) {
    text = text.slice(at + entry.title.length).replace(/^[。：:，,；;！？\s]+/, '');
  }
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

/** Where an entry sits in its report, without repeating its own title. */
export function entryPathLabel(entry: Entry): string {
  if (entry.kind === 'snippet') return entry.path.length ? entry.path.join(' › ') : i18n.t('wholeReport');
  if (entry.path.length === 0) return i18n.t('wholeReport');
  // 开头, 结尾 and 落款 belong to the whole report; they are no sections.
  if (entry.path.length === 1) return framePartOf(entry) ? i18n.t('wholeReport') : i18n.t('section');
  return entry.path.slice(0, -1).join(' › ');
}

/** Where the user's eyes find what they typed: ranges in the title and in the preview. */
export interface RowHighlights {
  title?: readonly (readonly [number, number])[];
  preview?: readonly (readonly [number, number])[];
}

interface Props {
  entry: Entry;
  id: string;
  selected: boolean;
  favorite: boolean;
  /** 内置, or the name of the user's collection the entry is in. */
  source: string;
  /** The row's place in the list, for lists that render only the rows in view. */
  position: { index: number; count: number; top: number };
  highlight?: (entry: Entry, preview: string) => RowHighlights | undefined;
  onSelect: () => void;
  onActivate: () => void;
  onToggleFavorite: () => void;
}

export function EntryRow({ entry, id, selected, favorite, source, position, highlight, onSelect, onActivate, onToggleFavorite }: Props) {
  const kindLabel = entry.kind === 'template' ? i18n.t('kindTemplate') : i18n.t('kindSnippet');
  const preview = entry.kind === 'template' ? entryPreview(entry) : '';
  const marks = highlight?.(entry, preview);
  return (
    <li
      id={id}
      class="row"
      role="option"
      aria-selected={selected}
      aria-setsize={position.count}
      aria-posinset={position.index + 1}
      style={{ top: `${position.top}px` }}
      data-entry-id={entry.id}
      data-favorite={favorite ? 'true' : undefined}
      onMouseMove={selected ? undefined : onSelect}
      onClick={onActivate}
    >
      {/* The row is named by what it shows (WCAG 2.5.3, label in name), a favourite by a word the star stands for. */}
      {favorite && <span class="visually-hidden">{i18n.t('favoritesHeading')}</span>}
      <span class={`badge badge-${entry.kind}`}>{kindLabel}</span>
      <span class="row-title">
        <Highlighted text={entry.title} ranges={marks?.title} />
      </span>
      {/* Keyboard users toggle with Ctrl+S; the star is the mouse's way, announced by the hidden word before the badge. */}
      <span
        class={`star${favorite ? ' star-on' : ''}`}
        aria-hidden="true"
        title={favorite ? i18n.t('unfavorite') : i18n.t('favorite')}
        onClick={(event) => {
          event.stopPropagation();
          onToggleFavorite();
        }}
      >
        {favorite ? '★' : '☆'}
      </span>
      <span class="row-source">{source}</span>
      <span class="row-detail">
        <span class="row-path">{entryPathLabel(entry)}</span>
        {preview && (
          <span class="row-preview">
            {' · '}
            <Highlighted text={preview} ranges={marks?.preview} />
          </span>
        )}
      </span>
    </li>
  );
}
