import { i18n } from '#i18n';
import type { KindFilter } from './logic';
import { entryFilter, entryQuery } from './state';

interface Props {
  tags: { tag: string; count: number }[];
  /** Where ↓ in the search box sends focus: the list's current row. */
  onLeaveSearch: () => void;
}

const KINDS: { value: KindFilter; label: () => string }[] = [
  { value: 'all', label: () => i18n.t('optKindAll') },
  { value: 'template', label: () => i18n.t('kindTemplate') },
  { value: 'snippet', label: () => i18n.t('kindSnippet') },
];

/** Search box and filters above the entry list: kind, tag, favourites only. */
export function EntryFilters({ tags, onLeaveSearch }: Props) {
  const filter = entryFilter.value;
  const set = (change: Partial<typeof filter>) => (entryFilter.value = { ...filter, ...change });
  return (
    <div class="filters">
      <input
        type="search"
        name="search"
        class="input"
        aria-label={i18n.t('optSearchLabel')}
        placeholder={i18n.t('optSearchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        value={entryQuery.value}
        onInput={(event) => (entryQuery.value = (event.currentTarget as HTMLInputElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !event.isComposing) {
            event.preventDefault();
            onLeaveSearch();
          }
        }}
      />
      <div class="filter-row">
        <fieldset class="segmented">
          <legend class="visually-hidden">{i18n.t('optKindLabel')}</legend>
          {KINDS.map(({ value, label }) => (
            <label key={value} class="segment">
              <input type="radio" name="kind-filter" value={value} checked={filter.kind === value} onChange={() => set({ kind: value })} />
              <span>{label()}</span>
            </label>
          ))}
        </fieldset>
        <select
          name="tag-filter"
          class="input select"
          aria-label={i18n.t('optTagFilterLabel')}
          value={filter.tag}
          onChange={(event) => set({ tag: (event.currentTarget as HTMLSelectElement).value })}
        >
          <option value="">{i18n.t('optAllTags')}</option>
          {tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {i18n.t('optTagOption', [tag, String(count)])}
            </option>
          ))}
        </select>
        <label class="check">
          <input
            type="checkbox"
            name="favorites-only"
            checked={filter.favoritesOnly}
            onChange={(event) => set({ favoritesOnly: (event.currentTarget as HTMLInputElement).checked })}
          />
          {i18n.t('optFavoritesOnly')}
        </label>
      </div>
    </div>
  );
}
