import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Collection } from '../core/library';
import { type LibraryStoreError } from '../utils/library-store';
import { builtinCollection, loadCollections, watchCollections } from '../utils/library-source';

/**
 * The built-in collection and the user's, kept in step with storage: an edit
 * made in another page (options, side panel, popup) shows here at once.
 */
export function useCollections(start = true) {
  const collections = useSignal<Collection[]>([builtinCollection]);
  const loaded = useSignal(false);
  const error = useSignal<LibraryStoreError | undefined>(undefined);
  useEffect(() => {
    // Storage answers in the order it is asked, and the library can be megabytes: a page
    // that needs small things first (favourites) says when to start.
    if (!start) return;
    let live = true;
    void loadCollections().then((result) => {
      if (!live) return;
      collections.value = result.collections;
      error.value = result.error;
      loaded.value = true;
    });
    const stop = watchCollections((next) => {
      collections.value = next;
      error.value = undefined;
    });
    return () => {
      live = false;
      stop();
    };
  }, [start]);
  return { collections, loaded, error };
}
