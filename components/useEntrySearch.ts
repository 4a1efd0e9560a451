import { type Signal, useComputed, useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { Entry } from '../core/library';
import { favoritesAndRecentFirst } from '../core/ordering';
import { buildSearchIndex, searchEntries } from '../core/search';
import { MAX_ROWS } from './ResultList';

/**
 * Query, results and the selected row, shared by the popup and the side panel.
 * With no query, favourites come first, then recently used entries; a search
 * lists favourites first among its matches.
 */
export function useEntrySearch(entries: readonly Entry[], favorites: Signal<string[]>, recent: Signal<string[]>) {
  // An empty query needs no index, so the list shows at once; the index is built when the
  // browser is idle after that (100 ms for 10,000 entries), or on the first keystroke if sooner.
  const index = useMemo(() => ({ value: null as ReturnType<typeof buildSearchIndex> | null }), [entries]);
  useEffect(() => {
    const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 50));
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout;
    const handle = idle(() => (index.value ??= buildSearchIndex(entries)));
    return () => cancel(handle as number);
  }, [index]);
  const query = useSignal('');
  const selected = useSignal(0);
  const results = useComputed(() => {
    if (query.value.trim() === '') return favoritesAndRecentFirst(entries, favorites.value, recent.value);
    index.value ??= buildSearchIndex(entries);
    return favoritesAndRecentFirst(searchEntries(index.value, query.value), favorites.value, []);
  });
  return {
    query,
    selected,
    results,
    setQuery(value: string) {
      query.value = value;
      selected.value = 0;
    },
    move(delta: number) {
      const count = Math.min(results.value.length, MAX_ROWS);
      if (count === 0) return;
      selected.value = (selected.value + delta + count) % count;
    },
    current(): Entry | undefined {
      return results.value[selected.value];
    },
  };
}
