import { useComputed, useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { Entry } from '../core/library';
import { buildSearchIndex, searchEntries } from '../core/search';

/** Query, results and the selected row, shared by the popup and the side panel. */
export function useEntrySearch(entries: readonly Entry[]) {
  const index = useMemo(() => buildSearchIndex(entries), [entries]);
  const query = useSignal('');
  const selected = useSignal(0);
  const results = useComputed(() => searchEntries(index, query.value));
  return {
    query,
    selected,
    results,
    setQuery(value: string) {
      query.value = value;
      selected.value = 0;
    },
    move(delta: number) {
      const count = Math.min(results.value.length, 200);
      if (count === 0) return;
      selected.value = (selected.value + delta + count) % count;
    },
    current(): Entry | undefined {
      return results.value[selected.value];
    },
  };
}
