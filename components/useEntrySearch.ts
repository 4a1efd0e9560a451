import { type Signal, useComputed, useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { Entry } from '../core/library';
import { favoritesAndRecentFirst } from '../core/ordering';
import { buildSearchIndex, highlightRanges, searchEntries } from '../core/search';

/** Rows PageUp and PageDown move by: about one screen of the popup. */
const PAGE_ROWS = 8;

/**
 * Query, results and the selected row, shared by the popup, the side panel and the composer.
 * With no query, favourites come first, then recently used entries; a search lifts them
 * within its ranking.
 *
 * The box's text and the searched query are two signals: while an input method is composing
 * (`biao` on the way to 表), the box shows what is typed and the list keeps the last results;
 * the search runs when the composition is committed.
 */
export function useEntrySearch(entries: readonly Entry[], favorites: Signal<string[]>, recent: Signal<string[]>, initialQuery = '') {
  // An empty query needs no index, so the list shows at once; the index is built when the
  // browser is idle after that, or on the first keystroke if sooner.
  const index = useMemo(() => ({ value: null as ReturnType<typeof buildSearchIndex> | null }), [entries]);
  useEffect(() => {
    const idle = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 50));
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout;
    const handle = idle(() => (index.value ??= buildSearchIndex(entries)));
    return () => cancel(handle as number);
  }, [index]);
  const text = useSignal(initialQuery);
  const query = useSignal(initialQuery);
  const selected = useSignal(0);
  const results = useComputed(() => {
    if (query.value.trim() === '') return favoritesAndRecentFirst(entries, favorites.value, recent.value);
    index.value ??= buildSearchIndex(entries);
    return favoritesAndRecentFirst(searchEntries(index.value, query.value), favorites.value, []);
  });
  const move = (delta: number) => {
    const count = results.value.length;
    if (count === 0) return;
    // One step wraps around, as in a menu; a page stops at the ends.
    selected.value = Math.abs(delta) === 1 ? (selected.value + delta + count) % count : Math.min(count - 1, Math.max(0, selected.value + delta));
  };
  const search = (value: string) => {
    if (value === query.value) return;
    query.value = value;
    selected.value = 0;
  };
  return {
    /** What the search box shows. */
    text,
    /** What the list shows results for. */
    query,
    selected,
    results,
    /** Text typed; `composing` while an input method has not committed it yet. */
    setText(value: string, composing = false) {
      text.value = value;
      if (!composing) search(value);
    },
    move,
    page: (direction: 1 | -1) => move(direction * PAGE_ROWS),
    /** The parts of a shown row the query matched. */
    highlight(entry: Entry, preview: string) {
      if (query.value.trim() === '') return undefined;
      return { title: highlightRanges(entry.title, query.value), preview: highlightRanges(preview, query.value) };
    },
    current(): Entry | undefined {
      return results.value[selected.value];
    },
  };
}

export type EntrySearch = ReturnType<typeof useEntrySearch>;
