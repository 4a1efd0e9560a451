/**
 * Favourites first, then recently used entries, then the rest in their own
 * order: the same in the popup and the side panel, for an empty query and for
 * search results alike.
 */
import type { Entry } from './library';

export function favoritesAndRecentFirst(
  entries: readonly Entry[],
  favorites: readonly string[],
  recent: readonly string[],
): Entry[] {
  if (favorites.length === 0 && recent.length === 0) return [...entries];
  const rank = new Map<string, number>();
  favorites.forEach((id, i) => rank.set(id, i));
  recent.forEach((id, i) => {
    if (!rank.has(id)) rank.set(id, favorites.length + i);
  });
  const front: Entry[] = [];
  const rest: Entry[] = [];
  for (const entry of entries) (rank.has(entry.id) ? front : rest).push(entry);
  front.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  return [...front, ...rest];
}
