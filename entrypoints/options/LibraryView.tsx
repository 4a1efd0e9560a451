import { useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { tagCounts } from '../../core/library-edit';
import type { Collection, Entry } from '../../core/library';
import { buildSearchIndex, searchEntries } from '../../core/search';
import { CollectionList, collectionLabel } from './CollectionList';
import { EntryEditor } from './EntryEditor';
import { EntryFilters } from './EntryFilters';
import { EntryList, focusEntryList } from './EntryList';
import { filterEntries, neighbourAfterRemoval } from './logic';
import { editorDirty, entryFilter, entryQuery, prefillSerial, selectEntry, selectedCollectionId, selectedEntryId } from './state';

interface Props {
  collections: Collection[];
  favorites: string[];
  onToggleFavorite: (id: string) => void;
}

/** 模板库: collections on the left, the selected one's entries in the middle, the editor on the right. */
export function LibraryView({ collections, favorites, onToggleFavorite }: Props) {
  // A collection deleted in another page leaves the built-in one shown.
  const collection = collections.find((c) => c.id === selectedCollectionId.value) ?? collections[0]!;
  const favoriteSet = useMemo(() => new Set(favorites), [favorites]);
  const index = useMemo(() => buildSearchIndex(collection.entries), [collection.entries]);
  const tags = useMemo(() => tagCounts([collection]), [collection]);
  const query = entryQuery.value;
  const filter = entryFilter.value;
  // A tag chosen in another collection does not empty this one's list.
  const effective = filter.tag && !tags.some((t) => t.tag === filter.tag) ? { ...filter, tag: '' } : filter;
  const rows = useMemo(() => filterEntries(searchEntries(index, query).slice(), effective, favoriteSet), [index, query, effective.kind, effective.tag, effective.favoritesOnly, favoriteSet]);

  const entryId = selectedEntryId.value;
  const found = entryId && entryId !== 'new' ? collection.entries.find((e) => e.id === entryId) : undefined;
  // An entry deleted in another page while the user was changing it stays in the editor: their text is not lost.
  const lastSeen = useRef<Entry | undefined>(undefined);
  if (found) lastSeen.current = found;
  const entry = found ?? (editorDirty.value && lastSeen.current?.id === entryId ? lastSeen.current : undefined);
  const editing = entryId === 'new' ? !collection.readOnly : entry !== undefined;

  return (
    <div class="library-view">
      <CollectionList collections={collections} selected={collection} />
      <section class="entries" aria-labelledby="entries-heading">
        <div class="column-header">
          <h2 id="entries-heading" class="column-heading" title={collection.name}>
            {collectionLabel(collection)}
          </h2>
          {!collection.readOnly && (
            <button type="button" class="button" data-action="new-entry" onClick={() => selectEntry(collection.id, 'new')}>
              ＋ {i18n.t('optNewEntry')}
            </button>
          )}
        </div>
        <EntryFilters tags={tags} onLeaveSearch={focusEntryList} />
        <EntryList
          rows={rows}
          selectedId={entry?.id ?? null}
          favorites={favoriteSet}
          onSelect={(e) => selectEntry(collection.id, e.id)}
          onToggleFavorite={(e) => onToggleFavorite(e.id)}
        />
      </section>
      {editing ? (
        <EntryEditor
          key={`${collection.id}\u001f${entryId}\u001f${entryId === 'new' ? prefillSerial.value : ''}`}
          collection={collection}
          entry={entry ?? null}
          favorite={entry ? favoriteSet.has(entry.id) : false}
          onToggleFavorite={(e) => onToggleFavorite(e.id)}
          targets={collections.filter((c) => !c.readOnly)}
          nextId={entry ? neighbourAfterRemoval(rows, entry.id) : null}
        />
      ) : (
        <section class="editor editor-empty" aria-label={i18n.t('optEditEntryHeading')}>
          <p class="hint">{collection.entries.length === 0 && !collection.readOnly ? i18n.t('optEmptyCollection') : i18n.t('optPickEntry')}</p>
        </section>
      )}
    </div>
  );
}
