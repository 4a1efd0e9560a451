/**
 * The right-click menu of an editable field (issue 13): 插入 with the user's
 * favourites, their recent uses and the outline of the collection they are
 * working from, each entry inserting at the caret. Pure: the background makes
 * the browser's menu from this plan (utils/context-menu.ts) and reads a
 * clicked item's id back with `entryOfItem`.
 */
import type { Collection, Entry } from './library';
import { type OutlineNode, buildOutline } from './outline';

export interface MenuItem {
  id: string;
  parentId?: string;
  title: string;
  /** A heading that says there is nothing under it (no favourites yet). */
  enabled?: boolean;
}

export interface MenuLabels {
  insert: string;
  favorites: string;
  recent: string;
  /** "$1" is the collection's name. */
  outline: string;
  none: string;
  /** "$1" is a section's title: the item that inserts the section's own template. */
  wholeSection: string;
}

export const MENU_INSERT = 'insert';
const FAVORITES_SHOWN = 15;
const RECENT_SHOWN = 10;
/** The outline's items at most: a menu longer than this is no longer a menu. */
const OUTLINE_ITEMS = 150;
/** Entries' phrases listed under one section at most. */
const PHRASES_SHOWN = 20;
const TITLE_CHARS = 30;

/** What a menu shows of an entry's title: short, and with no `&`, which Chrome reads as an access key. */
export function menuTitle(title: string): string {
  const chars = Array.from(title.replace(/\s+/g, ' ').trim());
  const short = chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS - 1).join('')}…` : chars.join('');
  return short.replaceAll('&', '&&');
}

const itemId = (slot: string, entryId: string) => `${slot}|${entryId}`;

/** The entry a clicked item inserts, or null for a heading or an item that is not ours. */
export function entryOfItem(id: string | number): string | null {
  const text = String(id);
  const bar = text.indexOf('|');
  return bar > 0 ? text.slice(bar + 1) : null;
}

/**
 * The collection the outline comes from: the one holding the entry used last, else the user's
 * first own collection, else the first shown (the model report).
 */
export function currentCollection(collections: readonly Collection[], recent: readonly string[]): Collection | undefined {
  for (const id of recent) {
    const holder = collections.find((c) => c.entries.some((entry) => entry.id === id));
    if (holder) return holder;
  }
  return collections.find((c) => !c.readOnly) ?? collections[0];
}

export function menuPlan(
  collections: readonly Collection[],
  favorites: readonly string[],
  recent: readonly string[],
  labels: MenuLabels,
): MenuItem[] {
  const byId = new Map<string, Entry>();
  for (const collection of collections) for (const entry of collection.entries) if (!byId.has(entry.id)) byId.set(entry.id, entry);
  const items: MenuItem[] = [{ id: MENU_INSERT, title: labels.insert }];
  const list = (slot: string, title: string, ids: readonly string[], most: number) => {
    const entries = ids.map((id) => byId.get(id)).filter((entry): entry is Entry => entry !== undefined).slice(0, most);
    items.push({ id: slot, parentId: MENU_INSERT, title });
    if (entries.length === 0) items.push({ id: `${slot}-none`, parentId: slot, title: labels.none, enabled: false });
    for (const entry of entries) items.push({ id: itemId(slot, entry.id), parentId: slot, title: menuTitle(entry.title) });
  };
  list('favorites', labels.favorites, favorites, FAVORITES_SHOWN);
  list('recent', labels.recent, recent, RECENT_SHOWN);

  const current = currentCollection(collections, recent);
  if (!current) return items;
  items.push({ id: 'outline', parentId: MENU_INSERT, title: labels.outline.replace('$1', menuTitle(current.name)) });
  let room = OUTLINE_ITEMS;
  const add = (nodes: readonly OutlineNode[], parentId: string) => {
    for (const node of nodes) {
      if (room <= 0) return;
      const leaf = node.children.length === 0 && node.phrases.length === 0;
      if (leaf && node.template) {
        items.push({ id: itemId('outline', node.template.id), parentId, title: menuTitle(node.title) });
        room -= 1;
        continue;
      }
      const group = `outline-${node.key}`;
      items.push({ id: group, parentId, title: menuTitle(node.title || labels.outline.replace('$1', '')) });
      room -= 1;
      if (node.template) {
        items.push({ id: itemId('outline', node.template.id), parentId: group, title: labels.wholeSection.replace('$1', menuTitle(node.title)) });
        room -= 1;
      }
      add(node.children, group);
      for (const phrase of node.phrases.slice(0, Math.min(PHRASES_SHOWN, Math.max(0, room)))) {
        items.push({ id: itemId('outline', phrase.id), parentId: group, title: menuTitle(phrase.title) });
        room -= 1;
      }
    }
  };
  add(buildOutline(current.entries), 'outline');
  return items;
}

/** How to turn the browser's menu made from `old` into the one `next` plans. */
export interface MenuChanges {
  /** Items to remove, each with what is under it; none is under another one listed. */
  remove: string[];
  /** Items to make, in the plan's order (a parent before its children, siblings in order). */
  create: MenuItem[];
  /** Items that stay where they are, with a new title or state. */
  update: MenuItem[];
}

/**
 * The fewest changes from one plan to the next, so the menu never goes missing while it is made
 * again (a recent use changes only the 最近使用 submenu). A browser appends an item to its
 * parent, so a parent whose children changed in any way has them all made again, in order;
 * one whose children are the same only has titles or states updated. With no `old` (the
 * background just started), everything is made.
 */
export function menuChanges(old: readonly MenuItem[] | null, next: readonly MenuItem[]): MenuChanges {
  if (!old) return { remove: [], create: [...next], update: [] };
  const childrenOf = (plan: readonly MenuItem[]) => {
    const children = new Map<string, string[]>();
    for (const item of plan) {
      const key = item.parentId ?? '';
      children.set(key, [...(children.get(key) ?? []), item.id]);
    }
    return children;
  };
  const before = childrenOf(old);
  const after = childrenOf(next);
  const same = (a: string[] | undefined, b: string[] | undefined) => (a ?? []).length === (b ?? []).length && (a ?? []).every((id, i) => id === b![i]);
  const oldById = new Map(old.map((item) => [item.id, item]));
  const changes: MenuChanges = { remove: [], create: [], update: [] };
  // Items made anew: their old selves (and all under them) go with their parent's children.
  const made = new Set<string>();
  const redone = new Set<string>();
  const redo = (parent: string) => {
    if (redone.has(parent)) return;
    redone.add(parent);
    if (!made.has(parent)) changes.remove.push(...(before.get(parent) ?? []));
  };
  for (const item of next) {
    const parent = item.parentId ?? '';
    if (made.has(parent) || !same(before.get(parent), after.get(parent))) {
      redo(parent);
      made.add(item.id);
      changes.create.push(item);
      continue;
    }
    const was = oldById.get(item.id)!;
    if (was.title !== item.title || (was.enabled ?? true) !== (item.enabled ?? true)) changes.update.push(item);
  }
  // A parent all of whose children went (it is still there, with none now).
  for (const [parent, children] of before) {
    if (!after.has(parent) && !made.has(parent) && next.some((item) => item.id === parent)) changes.remove.push(...children);
  }
  return changes;
}
