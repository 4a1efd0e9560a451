import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  favoritesItem,
  placeholderValuesItem,
  recentItem,
  recordUse,
  rememberPlaceholderValues,
  toggleFavorite,
} from '../utils/preferences';

/**
 * Favourites, recent uses and remembered placeholder values, kept in step
 * across the popup and the side panel through storage change events.
 */
export function usePreferences() {
  const favorites = useSignal<string[]>([]);
  const recent = useSignal<string[]>([]);
  const values = useSignal<Record<string, string>>({});
  const loaded = useSignal(false);
  /** A favourite or recent use could not be written (storage full): the page says so. */
  const notSaved = useSignal(false);
  const failed = () => {
    notSaved.value = true;
  };

  useEffect(() => {
    void Promise.all([favoritesItem.getValue(), recentItem.getValue(), placeholderValuesItem.getValue()]).then(
      ([f, r, v]) => {
        favorites.value = f;
        recent.value = r.map((use) => use.id);
        values.value = v;
        loaded.value = true;
      },
    );
    const unwatch = [
      favoritesItem.watch((f) => (favorites.value = f)),
      recentItem.watch((r) => (recent.value = r.map((use) => use.id))),
      placeholderValuesItem.watch((v) => (values.value = v)),
    ];
    return () => unwatch.forEach((stop) => stop());
  }, []);

  return {
    favorites,
    recent,
    values,
    loaded,
    notSaved,
    toggleFavorite: (id: string) => toggleFavorite(id).then((f) => void (favorites.value = f), failed),
    recordUse: (id: string) => recordUse(id).then((r) => void (recent.value = r.map((use) => use.id)), failed),
    rememberValues: (v: Record<string, string>) => rememberPlaceholderValues(v).catch(failed),
  };
}
