/**
 * What Bixia remembers for the user, in extension storage: favourite entries,
 * recently used entries, the values last typed into placeholders, and the
 * settings (which built-in collections show). Each
 * change runs under its key's lock (utils/stored.ts), the same lock a restore
 * holds while it reads and writes that key.
 */
import { type RecentUse, type Settings, type StoredRead, readStored, updateStored, watchStored } from './stored';

export type { RecentUse } from './stored';

export const RECENT_LIMIT = 20;

export type PreferenceKey = 'favorites' | 'recent' | 'placeholderValues' | 'settings';
export const PREFERENCE_KEYS: readonly PreferenceKey[] = ['favorites', 'recent', 'placeholderValues', 'settings'];

/** The small preferences (settings among them) in one storage read, each checked on its own. */
export function readPreferences(): Promise<{ [K in PreferenceKey]: StoredRead<K> }> {
  return readStored(PREFERENCE_KEYS);
}

export function watchPreference<K extends PreferenceKey>(key: K, callback: (read: StoredRead<K>) => void): () => void {
  return watchStored(key, callback);
}

export async function toggleFavorite(id: string): Promise<string[]> {
  const { values } = await updateStored(['favorites'], ({ favorites }) => ({
    write: { favorites: favorites.includes(id) ? favorites.filter((f) => f !== id) : [id, ...favorites] },
  }));
  return values.favorites;
}

export async function recordUse(id: string, now = Date.now()): Promise<RecentUse[]> {
  const { values } = await updateStored(['recent'], ({ recent }) => ({
    write: { recent: [{ id, at: now }, ...recent.filter((r) => r.id !== id)].slice(0, RECENT_LIMIT) },
  }));
  return values.recent;
}

export async function rememberPlaceholderValues(values: Record<string, string>): Promise<void> {
  await updateStored(['placeholderValues'], ({ placeholderValues }) => ({ write: { placeholderValues: { ...placeholderValues, ...values } } }));
}

/** Shows or hides one built-in collection, everywhere, from now on. */
export async function setBuiltinShown(id: string, shown: boolean): Promise<Settings> {
  const { values } = await updateStored(['settings'], ({ settings }) => ({
    write: { settings: { ...settings, builtins: [...settings.builtins.filter(([chosen]) => chosen !== id), [id, shown]] } },
  }));
  return values.settings;
}
