import { type Signal, computed, useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { Entry } from '../core/library';
import { favoritesAndRecentFirst } from '../core/ordering';
import { type SearchIndex, buildSearchIndex, highlightRanges, searchEntries } from '../core/search';
import { type Readings, loadPinyin, watchPinyin } from '../utils/pinyin-source';

/** Rows PageUp and PageDown move by: about one screen of the popup. */
const PAGE_ROWS = 8;

const idle = (fn: () => void): (() => void) => {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn);
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, 50);
  return () => clearTimeout(handle);
};

/**
 * Query, results and the selected row, shared by the popup, the side panel and the composer.
 * With no query, favourites come first, then recently used entries; a search ranks its
 * matches and lifts favourites and recent uses within each rank (core/search.ts).
 *
 * The box's text and the searched query are two signals: while an input method is composing
 * (`biao` on the way to 表), the box shows what is typed and the list keeps the last results;
 * the search runs when the composition is committed.
 *
 * Pinyin readings (utils/pinyin-source.ts) and the index are made when the browser is idle
 * after the first screen, or at the first keystroke if sooner; until the readings are in, a
 * Latin query matches letters only, and the index is built again with them when they arrive.
 */
export function useEntrySearch(entries: readonly Entry[], favorites: Signal<string[]>, recent: Signal<string[]>, initialQuery = '') {
  const readings = useSignal<Readings | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void loadPinyin().then((read) => live && (readings.value = read));
    const cancel = idle(load);
    const unwatch = watchPinyin(load);
    return () => {
      live = false;
      cancel();
      unwatch();
    };
  }, []);
  const read = readings.value;
  const index = useMemo(() => ({ value: null as SearchIndex | null }), [entries, read]);
  const ensureIndex = () => (index.value ??= buildSearchIndex(entries, { pinyin: read ?? undefined }));
  // Built ahead of the first keystroke once the readings are in: built before them, it would be
  // built again when they come (275 ms at 10,000 entries). A keystroke before then builds it at once.
  useEffect(() => (read ? idle(ensureIndex) : undefined), [index]);

  const text = useSignal(initialQuery);
  const query = useSignal(initialQuery);
  const selected = useSignal(0);
  // A new computed when the entries or the readings change: they are not signals.
  const results = useMemo(
    () =>
      computed(() => {
        if (query.value.trim() === '') return favoritesAndRecentFirst(entries, favorites.value, recent.value);
        return searchEntries(ensureIndex(), query.value, { favorites: favorites.value, recent: recent.value });
      }),
    [index],
  );
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
    /** The parts of a shown row the query matched: in the title by its letters, its Han text or its pinyin. */
    highlight(entry: Entry, preview: string) {
      if (query.value.trim() === '') return undefined;
      return { title: highlightRanges(entry.title, query.value, read?.(entry.title)), preview: highlightRanges(preview, query.value) };
    },
    current(): Entry | undefined {
      return results.value.at(selected.value);
    },
  };
}

export type EntrySearch = ReturnType<typeof useEntrySearch>;
