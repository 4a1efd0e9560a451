import type { Ref } from 'preact';
import type { Entry } from '../core/library';
import { ResultList, optionId } from './ResultList';
import { SearchBox } from './SearchBox';
import type { EntrySurface } from './useEntrySurface';

/**
 * A surface's results list, as the popup and the picker at the caret show it: the search's
 * results and selected row, favourites starred, each row's source, its matches highlighted.
 */
export function SurfaceResults({ surface, id, onActivate }: { surface: EntrySurface; id: string; onActivate: (entry: Entry) => void }) {
  const { search, preferences } = surface;
  return (
    <ResultList
      id={id}
      results={search.results.value}
      selected={search.selected.value}
      favorites={preferences.favorites.value}
      sourceOf={surface.sourceOf}
      highlight={surface.highlight}
      onSelect={(i) => (search.selected.value = i)}
      onActivate={onActivate}
      onToggleFavorite={(entry) => void preferences.toggleFavorite(entry.id)}
    />
  );
}

/** The search box that drives a surface's results list `listId` (its combobox and active row). */
export function SurfaceSearch({
  surface,
  listId,
  inputRef,
  onEnter,
}: {
  surface: EntrySurface;
  listId: string;
  inputRef: Ref<HTMLInputElement>;
  onEnter: (event: KeyboardEvent) => void;
}) {
  const { search } = surface;
  const listed = search.results.value.length > 0;
  return (
    <SearchBox
      inputRef={inputRef}
      search={search}
      listId={listed ? listId : undefined}
      activeOptionId={listed ? optionId(listId, search.selected.value) : undefined}
      onEnter={onEnter}
    />
  );
}
