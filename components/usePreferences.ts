import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  PREFERENCE_KEYS,
  type PreferenceKey,
  readPreferences,
  recordUse,
  rememberPlaceholderValues,
  setBuiltinShown,
  toggleFavorite,
  watchPreference,
} from '../utils/preferences';
import { type Settings, StoreError, type StoredProblem, type StoredRead, type StoredValues, emptyValue } from '../utils/stored';

/**
 * Favourites, recent uses, remembered placeholder values and settings, kept in step
 * across the popup and the side panel through storage change events. A key
 * that cannot be read counts as empty and is listed in `problems`; the others
 * work as usual.
 */
export function usePreferences() {
  const favorites = useSignal<string[]>([]);
  const recent = useSignal<string[]>([]);
  const values = useSignal<Record<string, string>>({});
  const settings = useSignal<Settings>(emptyValue('settings'));
  const loaded = useSignal(false);
  const problems = useSignal<StoredProblem[]>([]);
  /** A favourite or recent use could not be written (storage full): the page says so. */
  const notSaved = useSignal(false);
  const failed = (error: unknown) => {
    // A key that cannot be read is already in `problems`, with its way out.
    if (error instanceof StoreError && (error.code === 'damaged' || error.code === 'too-new')) return;
    notSaved.value = true;
  };

  const shows: { [K in PreferenceKey]: (value: StoredValues[K]) => void } = {
    favorites: (f) => (favorites.value = f),
    recent: (r) => (recent.value = r.map((use) => use.id)),
    placeholderValues: (v) => (values.value = v),
    settings: (s) => (settings.value = s),
  };
  const show = <K extends PreferenceKey>(key: K, read: StoredRead<K>) => {
    problems.value = [...problems.value.filter((p) => p.key !== key), ...(read.ok ? [] : [read.problem])];
    // A preference that cannot be read shows as empty; the banner says why.
    (shows[key] as (value: StoredValues[K]) => void)(read.ok ? read.value : emptyValue(key));
  };

  useEffect(() => {
    void readPreferences().then(
      (reads) => {
        for (const key of PREFERENCE_KEYS) show(key, reads[key]);
      },
      () => (problems.value = PREFERENCE_KEYS.map((key) => ({ key, code: 'damaged' as const }))),
    ).finally(() => (loaded.value = true));
    const unwatch = PREFERENCE_KEYS.map((key) => watchPreference(key, (read) => show(key, read)));
    return () => unwatch.forEach((stop) => stop());
  }, []);

  return {
    favorites,
    recent,
    values,
    settings,
    loaded,
    problems,
    notSaved,
    toggleFavorite: (id: string) => toggleFavorite(id).then((f) => void (favorites.value = f), failed),
    recordUse: (id: string) => recordUse(id).then((r) => void (recent.value = r.map((use) => use.id)), failed),
    rememberValues: (v: Record<string, string>) => rememberPlaceholderValues(v).catch(failed),
    /** Rejects when the choice could not be saved (the options page says why). */
    setBuiltinShown: (id: string, shown: boolean) => setBuiltinShown(id, shown).then((s) => void (settings.value = s)),
  };
}
