import { type Signal, useComputed, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Collection } from '../core/library';
import { builtinCollection, loadBuiltinCollections, loadCollections, shownBuiltins, watchCollections } from '../utils/library-source';
import type { Settings, StoredProblem } from '../utils/stored';

/**
 * The built-in collections the settings show, then the user's own, kept in
 * step with storage: an edit or a setting changed in another page (options,
 * side panel, popup) shows here at once. A stored library that cannot be read
 * leaves the built-in collections, and says so in `problem`. The settings come
 * from usePreferences, read before anything is listed. Until `start`, only the
 * model report's collection is there (it is in the page's first chunk); the
 * other built-in collections and the user's arrive together, and `loaded` says so.
 */
export function useCollections(settings: Signal<Settings>, start = true) {
  const own = useSignal<Collection[]>([]);
  /** The built-in collections loaded so far: the model report's at first, all once their chunk is in. */
  const builtins = useSignal<Collection[]>([builtinCollection]);
  const loaded = useSignal(false);
  const problem = useSignal<StoredProblem | undefined>(undefined);
  const collections = useComputed(() => [...shownBuiltins(settings.value, builtins.value), ...own.value]);
  useEffect(() => {
    // Storage answers in the order it is asked, and the library can be megabytes: a page
    // that needs small things first (favourites) says when to start.
    if (!start) return;
    let live = true;
    void Promise.all([loadCollections(), loadBuiltinCollections()]).then(([result, all]) => {
      if (!live) return;
      builtins.value = all;
      own.value = result.collections;
      problem.value = result.problem;
      loaded.value = true;
    });
    const stop = watchCollections((result) => {
      own.value = result.collections;
      problem.value = result.problem;
    });
    return () => {
      live = false;
      stop();
    };
  }, [start]);
  return { collections, own, loaded, problem };
}
