import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Entry } from '../core/library';
import type { EntryList } from '../core/search';
import { EntryRow, type RowHighlights } from './EntryRow';

/** Every row is this tall (theme.css `--row-height`), so a row's place is arithmetic. */
export const ROW_HEIGHT = 56;
/**
 * Rows rendered before the list has been measured: enough for the popup's first screen, the
 * same in the page rendered at build time and in the first render after it.
 */
export const FIRST_SCREEN_ROWS = 10;
/** Rows rendered beyond each edge of the view, so a scroll by a few rows paints at once. */
const OVERSCAN = 4;

interface Props {
  id: string;
  results: EntryList;
  selected: number;
  favorites: readonly string[];
  /** 内置, or the user's collection's name. */
  sourceOf: (entry: Entry) => string;
  highlight?: (entry: Entry, preview: string) => RowHighlights | undefined;
  onSelect: (index: number) => void;
  onActivate: (entry: Entry) => void;
  onToggleFavorite: (entry: Entry) => void;
  /** The list's name; "results" when omitted. */
  label?: string;
  /**
   * A list no search box drives (the side panel's favourites): it takes the
   * focus itself, the selected row being its active descendant, and these
   * handle its keys and its focus.
   */
  keyboard?: { onKeyDown: (event: KeyboardEvent) => void; onFocus: () => void; onBlur: () => void };
}

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * The results as a listbox that renders only the rows in view (and the selected one, which
 * `aria-activedescendant` names), so 10,000 results scroll and paint as fast as ten.
 */
export function ResultList({ id, results, selected, favorites, sourceOf, highlight, onSelect, onActivate, onToggleFavorite, label, keyboard }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const [view, setView] = useState({ top: 0, height: FIRST_SCREEN_ROWS * ROW_HEIGHT });
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => setView({ top: list.scrollTop, height: list.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [results.length === 0]);
  // The selected row in view, by arithmetic: it may not be in the DOM yet.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const top = selected * ROW_HEIGHT;
    if (top < list.scrollTop) list.scrollTop = top;
    else if (top + ROW_HEIGHT > list.scrollTop + list.clientHeight) list.scrollTop = top + ROW_HEIGHT - list.clientHeight;
  }, [selected, results]);

  if (results.length === 0) {
    return (
      <div class="empty" role="status">
        <div>{i18n.t('resultCount', 0)}</div>
        <div>{i18n.t('noResultsHint')}</div>
      </div>
    );
  }
  const count = results.length;
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const shown: number[] = [];
  if (selected >= 0 && selected < first) shown.push(selected);
  for (let i = first; i < last; i++) shown.push(i);
  if (selected >= last && selected < count) shown.push(selected);
  return (
    <ul
      id={id}
      ref={listRef}
      class="results"
      role="listbox"
      aria-label={label ?? i18n.t('resultsLabel')}
      tabIndex={keyboard ? 0 : undefined}
      aria-activedescendant={keyboard && selected >= 0 && selected < results.length ? optionId(id, selected) : undefined}
      onKeyDown={keyboard?.onKeyDown}
      onFocus={keyboard?.onFocus}
      onBlur={keyboard?.onBlur}
      // A click on a row keeps the focus where it was (the search box), so the keyboard carries on after it.
      onMouseDown={(event) => event.preventDefault()}
      style={{ '--rows': count }}
      onScroll={(event) => {
        const list = event.currentTarget as HTMLUListElement;
        setView({ top: list.scrollTop, height: list.clientHeight });
      }}
    >
      {shown.map((index) => {
        const entry = results.at(index)!;
        return (
          <EntryRow
            key={entry.id}
            id={optionId(id, index)}
            entry={entry}
            selected={index === selected}
            favorite={favorites.includes(entry.id)}
            source={sourceOf(entry)}
            position={{ index, count, top: index * ROW_HEIGHT }}
            highlight={highlight}
            onSelect={() => onSelect(index)}
            onActivate={() => onActivate(entry)}
            onToggleFavorite={() => onToggleFavorite(entry)}
          />
        );
      })}
    </ul>
  );
}
