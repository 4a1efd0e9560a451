/**
 * What Bixia remembers for the user, in extension storage: favourite entries,
 * recently used entries, and the values last typed into placeholders. Typed
 * and versioned, so a later format can migrate what earlier versions stored.
 */
import { storage } from '@wxt-dev/storage';
import { withStorageLock } from './storage-lock';

export const RECENT_LIMIT = 20;

export interface RecentUse {
  id: string;
  at: number;
}

export const favoritesItem = storage.defineItem<string[]>('local:favorites', { fallback: [], version: 1 });
export const recentItem = storage.defineItem<RecentUse[]>('local:recent', { fallback: [], version: 1 });
export const placeholderValuesItem = storage.defineItem<Record<string, string>>('local:placeholderValues', {
  fallback: {},
  version: 1,
});

export function toggleFavorite(id: string): Promise<string[]> {
  return withStorageLock('favorites', async () => {
    const favorites = await favoritesItem.getValue();
    const next = favorites.includes(id) ? favorites.filter((f) => f !== id) : [id, ...favorites];
    await favoritesItem.setValue(next);
    return next;
  });
}

export function recordUse(id: string, now = Date.now()): Promise<RecentUse[]> {
  return withStorageLock('recent', async () => {
    const recent = await recentItem.getValue();
    const next = [{ id, at: now }, ...recent.filter((r) => r.id !== id)].slice(0, RECENT_LIMIT);
    await recentItem.setValue(next);
    return next;
  });
}

export function rememberPlaceholderValues(values: Record<string, string>): Promise<void> {
  return withStorageLock('placeholderValues', async () => {
    const known = await placeholderValuesItem.getValue();
    await placeholderValuesItem.setValue({ ...known, ...values });
  });
}
