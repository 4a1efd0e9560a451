import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Collection } from '../core/library';
import { builtinCollection, loadCollections, watchCollections } from '../utils/library-source';
import type { StoredProblem } from '../utils/stored';

/**
 * The built-in collection and the user's, kept in step with storage: an edit
 * made in another page (options, side panel, popup) shows here at once. A
 * stored library that cannot be read leaves the built-in collection, and says
 * so in `problem`.
 */
export function useCollections(start = true) {
  const collections = useSignal<Collection[]>([builtinCollection]);
  const loaded = useSignal(false);
  const problem = useSignal<StoredProblem | undefined>(undefined);
  useEffect(() => {
    // Storage answers in the order it is asked, and the library can be megabytes: a page
    // that needs small things first (favourites) says when to start.
    if (!start) return;
    let live = true;
    void loadCollections().then((result) => {
      if (!live) return;
      collections.value = result.collections;
      problem.value = result.problem;
      loaded.value = true;
    });
    const stop = watchCollections((result) => {
      collections.value = result.collections;
      problem.value = result.problem;
    });
    return () => {
      live = false;
      stop();
    };
  }, [start]);
  return { collections, loaded, problem };
}
