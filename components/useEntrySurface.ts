import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { InsertMode } from '../utils/messages';
import { allEntries, builtinCollection } from '../utils/library-source';
import { entrySources } from './collection-label';
import type { Action, Deliver, Outcome } from './deliver';
import { useCollections } from './useCollections';
import { useEntrySearch } from './useEntrySearch';
import { useEntryUse } from './useEntryUse';
import { usePreferences } from './usePreferences';
import { useStatus } from './useStatus';

/**
 * Whether favourites or recent uses name entries not in the first chunk: the
 * user's own, or those of the built-in collections loaded after the first screen.
 */
function pinsLaterEntries(favorites: readonly string[], recent: readonly string[]): boolean {
  return [...favorites, ...recent].some((id) => !id.startsWith(`${builtinCollection.id}:`));
}

/**
 * What the popup and the side panel both are: preferences, then the collections they
 * show, a search over them, a status line, and using an entry (its placeholder form
 * included), in that order.
 *
 * `deferLibrary` (the popup): the model report's collection is in the page, while the other
 * built-in collections are a chunk of their own and the user's library can be megabytes (half a
 * second to read 10,000 entries). They are read once the first screen has been shown
 * (`firstScreenShown`), unless a favourite or recent entry of theirs belongs at the top of the
 * list, which must not jump under Enter. Without it (the side panel), they are read as soon as
 * favourites and recent uses are in.
 */
export function useEntrySurface(options: {
  mode: InsertMode;
  tabId: () => Promise<number | undefined>;
  /** Called instead of showing the outcome in the status line when it returns true. */
  onOutcome?: (outcome: Outcome, action: Action) => boolean;
  deferLibrary?: boolean;
  /** Text already in the search box when the page takes over its first screen. */
  initialQuery?: string;
  /** Instead of asking the background to insert (the picker, which is in the page already). */
  deliver?: Deliver;
}) {
  const preferences = usePreferences();
  const loaded = preferences.loaded.value;
  const pinsLater = loaded && pinsLaterEntries(preferences.favorites.value, preferences.recent.value);
  const shown = useSignal(false);
  const library = useCollections(preferences.settings, loaded && (!options.deferLibrary || pinsLater || shown.value));
  const collections = library.collections.value;
  const entries = useMemo(() => allEntries(collections), [collections]);
  const search = useEntrySearch(entries, preferences.favorites, preferences.recent, options.initialQuery);
  const sourceOf = useMemo(() => entrySources(collections), [collections]);
  const status = useStatus();
  const use = useEntryUse({
    preferences,
    mode: options.mode,
    tabId: options.tabId,
    deliver: options.deliver,
    onOutcome: (outcome, action) => {
      if (options.onOutcome?.(outcome, action)) return;
      status.show(outcome.message, outcome.tone, outcome.detail);
    },
  });
  return {
    preferences,
    library,
    collections,
    entries,
    search,
    status,
    use,
    /**
     * Favourites and recent uses reorder the list, so nothing is listed until they are
     * known (a few milliseconds): a list that jumps under the user's Enter would insert
     * the wrong entry. A deferred library need not be in unless it holds a pinned entry.
     */
    ready: loaded && (library.loaded.value || (options.deferLibrary === true && !pinsLater)),
    /** Where an entry comes from: 内置, or the name of the user's collection. */
    sourceOf,
    highlight: search.highlight,
    /** The first screen has been painted: a deferred library may be read now. */
    firstScreenShown() {
      shown.value = true;
    },
  };
}

export type EntrySurface = ReturnType<typeof useEntrySurface>;
