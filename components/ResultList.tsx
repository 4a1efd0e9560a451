import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Entry } from '../core/library';
import { EntryRow } from './EntryRow';

/** Rows rendered at once; the count line says how many matched in all. */
export const MAX_ROWS = 200;

interface Props {
  id: string;
  results: Entry[];
  selected: number;
  favorites: readonly string[];
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

export function ResultList({ id, results, selected, favorites, onSelect, onActivate, onToggleFavorite, label, keyboard }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const row = listRef.current?.querySelector(`#${CSS.escape(optionId(id, selected))}`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [id, selected]);

  if (results.length === 0) {
    return (
      <div class="empty" role="status">
        <div>{i18n.t('resultCount', 0)}</div>
        <div>{i18n.t('noResultsHint')}</div>
      </div>
    );
  }
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
    >
      {results.slice(0, MAX_ROWS).map((entry, index) => (
        <EntryRow
          key={entry.id}
          id={optionId(id, index)}
          entry={entry}
          selected={index === selected}
          favorite={favorites.includes(entry.id)}
          onSelect={() => onSelect(index)}
          onActivate={() => onActivate(entry)}
          onToggleFavorite={() => onToggleFavorite(entry)}
        />
      ))}
    </ul>
  );
}
