import { useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Entry } from '../../core/library';
import { entryPathLabel } from '../../components/EntryRow';

/** Rows listed at once; the count line asks for a search to see the others. */
const MAX_LIST_ROWS = 200;

interface Props {
  rows: Entry[];
  selectedId: string | null;
  favorites: ReadonlySet<string>;
  onSelect: (entry: Entry) => void;
  onToggleFavorite: (entry: Entry) => void;
}

/**
 * The selected collection's entries, at most MAX_LIST_ROWS of them: a 10,000-entry
 * collection stays quick, and the count line asks for a search instead.
 * One row is in the Tab order; ↑/↓/Home/End move between rows, Enter opens one.
 */
export function EntryList({ rows, selectedId, favorites, onSelect, onToggleFavorite }: Props) {
  const shown = rows.length > MAX_LIST_ROWS ? rows.slice(0, MAX_LIST_ROWS) : rows;
  const selectedIndex = shown.findIndex((e) => e.id === selectedId);
  const tabbable = selectedIndex >= 0 ? selectedIndex : 0;
  const listRef = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.entry-main') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
  };

  return (
    <>
      <p class="list-count" aria-live="polite" data-total={rows.length}>
        {rows.length > MAX_LIST_ROWS
          ? i18n.t('optListTruncated', [String(rows.length), String(MAX_LIST_ROWS)])
          : i18n.t('optListCount', [String(rows.length)])}
      </p>
      {shown.length > 0 && (
        <ul
          class="entry-list"
          aria-label={i18n.t('optEntriesLabel')}
          ref={listRef}
          onKeyDown={onKeyDown}
        >
          {shown.map((entry, index) => {
            const favorite = favorites.has(entry.id);
            const kind = entry.kind === 'template' ? i18n.t('kindTemplate') : i18n.t('kindSnippet');
            return (
              <li key={entry.id} class="entry" data-entry-id={entry.id} aria-current={entry.id === selectedId ? 'true' : undefined}>
                <button type="button" class="entry-main" tabIndex={index === tabbable ? 0 : -1} onClick={() => onSelect(entry)}>
                  <span class={`badge badge-${entry.kind}`}>{kind}</span>
                  <span class="row-title">{entry.title || '—'}</span>
                  <span class="row-path">{entryPathLabel(entry)}</span>
                </button>
                {/* The editor's 收藏 button is the keyboard's way; this star is the mouse's shortcut. */}
                <button
                  type="button"
                  class={`entry-star${favorite ? ' star-on' : ''}`}
                  data-action="star"
                  tabIndex={-1}
                  aria-pressed={favorite}
                  aria-label={i18n.t('optFavoriteEntry', [entry.title])}
                  title={favorite ? i18n.t('unfavorite') : i18n.t('favorite')}
                  onClick={() => onToggleFavorite(entry)}
                >
                  {favorite ? '★' : '☆'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** Puts focus on the list's row in the Tab order (from the search box, on ↓). */
export function focusEntryList() {
  document.querySelector<HTMLButtonElement>('.entry-list .entry-main[tabindex="0"]')?.focus();
}
