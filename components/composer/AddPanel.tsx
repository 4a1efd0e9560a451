import { useSignal } from '@preact/signals';
import { useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Collection, Entry } from '../../core/library';
import { buildOutline } from '../../core/outline';
import { Outline } from '../Outline';
import { ResultList, optionId } from '../ResultList';
import { SearchBox } from '../SearchBox';
import { CollectionPicker } from '../CollectionPicker';
import { entrySources } from '../collection-label';
import { useEntrySearch } from '../useEntrySearch';
import type { usePreferences } from '../usePreferences';

interface Props {
  /** Kept while hidden, so a search typed there is still there when the user comes back. */
  hidden: boolean;
  collections: Collection[];
  entries: Entry[];
  preferences: ReturnType<typeof usePreferences>;
  onAdd: (entry: Entry) => void;
}

const LIST_ID = 'composer-results';

/**
 * What can go into the draft: a search over every collection, as in the
 * popup, or the outline of one collection. A template adds parts after the
 * current one; a phrase goes in at the caret.
 */
export function AddPanel({ hidden, collections, entries, preferences, onAdd }: Props) {
  const search = useEntrySearch(entries, preferences.favorites, preferences.recent);
  const chosenId = useSignal(collections[0]?.id ?? '');
  const shown = collections.find((c) => c.id === chosenId.value) ?? collections[0];
  const outline = useMemo(() => (shown ? buildOutline(shown.entries) : []), [shown]);
  const inputRef = useRef<HTMLInputElement>(null);
  const sourceOf = useMemo(() => entrySources(collections), [collections]);
  const searching = search.query.value.trim() !== '';
  const results = search.results.value;
  return (
    <section class="add-panel" hidden={hidden} aria-label={i18n.t('composerAddTitle')}>
      <h2 class="composer-heading">{i18n.t('composerAddTitle')}</h2>
      <SearchBox
        inputRef={inputRef}
        search={search}
        listId={searching && results.length ? LIST_ID : undefined}
        activeOptionId={searching && results.length ? optionId(LIST_ID, search.selected.value) : undefined}
        onEnter={() => {
          const entry = search.current();
          if (entry) onAdd(entry);
        }}
      />
      {searching ? (
        <ResultList
          id={LIST_ID}
          results={results}
          selected={search.selected.value}
          favorites={preferences.favorites.value}
          sourceOf={sourceOf}
          highlight={search.highlight}
          onSelect={(i) => (search.selected.value = i)}
          onActivate={onAdd}
          onToggleFavorite={(entry) => void preferences.toggleFavorite(entry.id)}
        />
      ) : (
        <>
          {collections.length > 1 && (
            <CollectionPicker collections={collections} name="add-collection" value={shown?.id} onChange={(id) => (chosenId.value = id)} />
          )}
          <Outline id="composer-outline" nodes={outline} onActivate={onAdd} />
        </>
      )}
    </section>
  );
}
