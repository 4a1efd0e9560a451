/**
 * The background's right-click menu on editable fields (issue 13): the plan
 * comes from core/context-menu.ts, made from the shown collections, the
 * favourites and the recent uses, and made again when any of those change.
 * A click renders the entry's text (remembered placeholder values, today's
 * date; a blank with neither keeps its name in 【】, as a typed shortcut does)
 * and inserts it in the frame that was right-clicked, whose content script
 * took the field at the press (or its parent's, for a frame it adopted). What goes wrong is said in the page. On a
 * selection, 保存为短语 / 保存为模板 take the text to the options page's editor.
 */
import { i18n } from '#i18n';
import { MENU_INSERT, type MenuItem, entryOfItem, menuChanges, menuPlan } from '../core/context-menu';
import type { Collection, Entry, EntryKind } from '../core/library';
import { guessSection, selectionBody, selectionTitle } from '../core/section-guess';
import { renderBody } from '../core/placeholders';
import { focusedFrame } from './frame-routing';
import type { Tabs } from './insert-router';
import { loadBuiltinCollections, shownBuiltins } from './library-source';
import type { BackgroundToPage, InsertResult, PageNotices, SelectionContext } from './messages';
import { pendingEntry } from './pending-entry';
import { recordUse } from './preferences';
import { type StoredKey, readStored } from './stored';

/** What the menu is made of; a change to any of these makes it again. */
export const MENU_SOURCES: readonly StoredKey[] = ['library', 'favorites', 'recent', 'settings'];

export interface Menus {
  create(item: { id: string; parentId?: string; title: string; contexts: ['editable'] | ['selection']; enabled?: boolean }): unknown;
  update(id: string, changes: { title: string; enabled: boolean }): Promise<void> | void;
  remove(id: string): Promise<void> | void;
}

/** The shown collections (built-in ones by the user's settings, then their own), favourites and recent uses. */
async function readSources(): Promise<{ collections: Collection[]; favorites: string[]; recent: string[]; values: Record<string, string> }> {
  const stored = await readStored(['library', 'favorites', 'recent', 'settings', 'placeholderValues']);
  const settings = stored.settings.ok ? stored.settings.value : { builtins: [] };
  const own = stored.library.ok ? stored.library.value.collections : [];
  return {
    collections: [...shownBuiltins(settings, await loadBuiltinCollections()), ...own],
    favorites: stored.favorites.ok ? stored.favorites.value : [],
    recent: stored.recent.ok ? stored.recent.value.map((use) => use.id) : [],
    values: stored.placeholderValues.ok ? stored.placeholderValues.value : {},
  };
}

function labels() {
  return {
    insert: i18n.t('menuInsert'),
    favorites: i18n.t('menuFavorites'),
    recent: i18n.t('menuRecent'),
    outline: i18n.t('menuOutline', ['$1']),
    none: i18n.t('menuNone'),
    wholeSection: i18n.t('menuWholeSection', ['$1']),
  };
}

let making: Promise<void> = Promise.resolve();
/** The plan the browser's menu was last made from; null until it is made in this background's life. */
let shown: MenuItem[] | null = null;

const made = (item: MenuItem) => ({ id: item.id, parentId: item.parentId, title: item.title, contexts: ['editable'] as ['editable'], ...(item.enabled === false ? { enabled: false } : {}) });

/** The whole menu, made anew: the old one goes with its top item (its submenus with it); the toolbar button's own items stay. */
async function makeWhole(menus: Menus, plan: MenuItem[]): Promise<void> {
  await Promise.resolve()
    .then(() => menus.remove(MENU_INSERT))
    .catch(() => undefined);
  for (const item of plan) menus.create(made(item));
  for (const [id, kind] of Object.entries(SAVE_ITEMS)) {
    await Promise.resolve()
      .then(() => menus.remove(id))
      .catch(() => undefined);
    menus.create({ id, title: i18n.t(kind === 'snippet' ? 'menuSavePhrase' : 'menuSaveTemplate'), contexts: ['selection'] });
  }
}

/**
 * Brings the menu in step with its sources (one change at a time: a second waits for the first
 * to be drawn). Only what changed is made again (core/context-menu.ts, `menuChanges`), so a
 * right-click never finds the menu half made; the first time, or when the browser refuses a
 * change, it is made whole.
 */
export function remakeMenu(menus: Menus): Promise<void> {
  making = making.then(async () => {
    const { collections, favorites, recent } = await readSources();
    const plan: MenuItem[] = menuPlan(collections, favorites, recent, labels());
    const last = shown;
    shown = null;
    if (last) {
      const changes = menuChanges(last, plan);
      try {
        for (const id of changes.remove) await menus.remove(id);
        for (const item of changes.update) await menus.update(item.id, { title: item.title, enabled: item.enabled ?? true });
        for (const item of changes.create) menus.create(made(item));
        shown = plan;
        return;
      } catch {
        // The browser's menu is not what we thought: made whole below.
      }
    }
    await makeWhole(menus, plan);
    shown = plan;
  });
  return making;
}

/** Whether a storage change touches what the menu is made of. */
export function menuTouched(changes: Record<string, unknown>): boolean {
  return MENU_SOURCES.some((key) => key in changes || `${key}$` in changes);
}

export interface MenuClick {
  menuItemId: string | number;
  frameId?: number;
  /** The browser's copy of the selection (line breaks may be lost): used when the frame cannot answer. */
  selectionText?: string;
}

/**
 * Sends to the frame that was right-clicked. A frame an editor wrote itself with
 * document.open() (CKEditor 4, classic TinyMCE, UEditor) has no script of Bixia's: its parent
 * adopted it and reported the field, so the frame it reported is asked instead.
 */
async function sendToClicked(tabs: Tabs, tabId: number, click: MenuClick, message: BackgroundToPage): Promise<unknown> {
  const clicked = click.frameId ?? 0;
  try {
    return await tabs.sendMessage(tabId, message, { frameId: clicked });
  } catch (error) {
    const reported = await focusedFrame(tabId);
    if (reported === undefined || reported === clicked) throw error;
    return tabs.sendMessage(tabId, message, { frameId: reported });
  }
}

/** The selection's items, and what each saves the text as. */
const SAVE_ITEMS: Record<string, EntryKind> = { 'save-phrase': 'snippet', 'save-template': 'template' };

/**
 * 保存为短语 / 保存为模板: the selected text, with the section it was taken from guessed from
 * the headings above it, goes to the options page's entry editor, where the user checks and
 * changes it before saving. False for any other item, or when nothing is selected.
 */
export async function saveFromMenu(tabs: Tabs, click: MenuClick, tabId: number, openEditor: () => Promise<void>, now = Date.now()): Promise<boolean> {
  const kind = SAVE_ITEMS[String(click.menuItemId)];
  if (!kind) return false;
  let context: SelectionContext | null = null;
  try {
    context = (await sendToClicked(tabs, tabId, click, { type: 'background→page:selection' })) as SelectionContext | null;
  } catch {
    // A page Bixia cannot run in (a store page, a PDF viewer): the browser's copy of the text, and no section.
  }
  const text = context?.text ?? click.selectionText ?? '';
  const body = selectionBody(text);
  if (!body) return false;
  const before = context?.before ?? '';
  // A template's own heading, when the selection starts with one, is the last step of its path.
  const path = guessSection(kind === 'template' ? `${before}\n${body.split('\n')[0]}` : before);
  await pendingEntry.setValue({ kind, title: selectionTitle(body), body, path, at: now });
  await openEditor();
  return true;
}

/** A click on one of the menu's entries: its text into the right-clicked frame's field. False for an item that is not an entry. */
export async function insertFromMenu(tabs: Tabs, click: MenuClick, tabId: number, notices: PageNotices, now = new Date()): Promise<boolean> {
  const entryId = entryOfItem(click.menuItemId);
  if (!entryId) return false;
  const { collections, values } = await readSources();
  let entry: Entry | undefined;
  for (const collection of collections) entry ??= collection.entries.find((e) => e.id === entryId);
  if (!entry) return false;
  const message: BackgroundToPage = { type: 'background→page:insert', text: renderBody(entry.body, values, now), waitForFocus: false, notices };
  try {
    const result = (await sendToClicked(tabs, tabId, click, message)) as InsertResult | undefined;
    const delivered = result?.status === 'inserted' || result?.status === 'truncated';
    if (delivered) await recordUse(entry.id);
    return delivered;
  } catch {
    return false;
  }
}
