/**
 * The right-click menu of editable fields (core/context-menu.ts, utils/context-menu.ts):
 * what it lists and how a click becomes an insertion in the right-clicked frame.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import builtin from 'virtual:bixia-builtin-library';
import { MENU_INSERT, type MenuItem, currentCollection, entryOfItem, menuChanges, menuPlan, menuTitle } from '../../core/context-menu';
import type { Collection } from '../../core/library';
import { insertFromMenu, menuTouched, remakeMenu, saveFromMenu } from '../../utils/context-menu';
import type { BackgroundToPage } from '../../utils/messages';
import { recordFocusedFrame } from '../../utils/frame-routing';

const LABELS = { insert: '插入模板或短语', favorites: '收藏', recent: '最近使用', outline: '提纲：$1', none: '（暂无）', wholeSection: '插入整节：$1' };

const own: Collection = {
  id: 'c-mine',
  name: '我的材料',
  readOnly: false,
  entries: [
    { id: 'c-mine:1', kind: 'template', title: '我的报告', body: '全文', path: [], tags: [] },
    { id: 'c-mine:2', kind: 'template', title: '存在的问题', body: '问题', path: ['存在的问题'], tags: [] },
    { id: 'c-mine:3', kind: 'snippet', title: '理论学习不够深入', body: '理论学习不够深入，学用结合不紧。', path: ['存在的问题'], tags: [] },
  ],
};

describe('the menu plan', () => {
  it('lists favourites and recent uses by title under 插入, with a greyed line where there are none', () => {
    const phrase = builtin.entries.find((entry) => entry.kind === 'snippet')!;
    const plan = menuPlan([builtin, own], [phrase.id, 'gone-entry'], [], LABELS);
    expect(plan[0]).toEqual({ id: MENU_INSERT, title: '插入模板或短语' });
    const favorites = plan.filter((item) => item.parentId === 'favorites');
    expect(favorites).toEqual([{ id: `favorites|${phrase.id}`, parentId: 'favorites', title: menuTitle(phrase.title) }]);
    expect(plan.filter((item) => item.parentId === 'recent')).toEqual([{ id: 'recent-none', parentId: 'recent', title: '（暂无）', enabled: false }]);
    expect(new Set(plan.map((item) => item.id)).size, 'ids are unique').toBe(plan.length);
  });

  it('gives the outline of the collection the last used entry is in, sections as submenus with their own template first', () => {
    const plan = menuPlan([builtin, own], [], ['c-mine:3'], LABELS);
    expect(plan.find((item) => item.id === 'outline')?.title).toBe('提纲：我的材料');
    const section = plan.find((item) => item.id === 'outline-c-mine:2')!;
    expect(section.title).toBe('存在的问题');
    expect(plan.filter((item) => item.parentId === section.id).map((item) => item.title)).toEqual(['插入整节：存在的问题', '理论学习不够深入']);
    // Every item that inserts names its entry; headings name none.
    for (const item of plan) {
      const entry = entryOfItem(item.id);
      if (entry) expect([...builtin.entries, ...own.entries].some((e) => e.id === entry)).toBe(true);
    }
    expect(entryOfItem('outline')).toBeNull();
  });

  it("keeps the outline of a large collection to a menu's length", () => {
    const plan = menuPlan([builtin], [], [], LABELS);
    const inOutline = plan.filter((item) => item.id.startsWith('outline'));
    expect(inOutline.length).toBeGreaterThan(5);
    expect(inOutline.length).toBeLessThanOrEqual(171);
  });

  it('shortens titles and doubles & (an access key to Chrome)', () => {
    expect(menuTitle('A&B')).toBe('A&&B');
    expect(Array.from(menuTitle('长'.repeat(60))).length).toBe(30);
    expect(menuTitle('  两行\n标题 ')).toBe('两行 标题');
  });

  it('works from the user\'s own collection before the built-in one when nothing was used yet', () => {
    expect(currentCollection([builtin, own], [])?.id).toBe('c-mine');
    expect(currentCollection([builtin], [])?.id).toBe(builtin.id);
  });
});

describe('changes from one menu plan to the next', () => {
  const item = (id: string, parentId?: string, title = id): MenuItem => ({ id, title, ...(parentId ? { parentId } : {}) });
  const base = [item('insert'), item('favorites', 'insert'), item('favorites-none', 'favorites'), item('recent', 'insert'), item('recent|a', 'recent'), item('outline', 'insert'), item('outline|x', 'outline')];

  it('makes everything the first time, and nothing when nothing changed', () => {
    expect(menuChanges(null, base)).toEqual({ remove: [], create: base, update: [] });
    expect(menuChanges(base, base)).toEqual({ remove: [], create: [], update: [] });
  });

  it('updates a title in place, and remakes only the submenu whose items changed, in order', () => {
    const renamed = base.map((i) => (i.id === 'outline' ? { ...i, title: '提纲：新' } : i));
    expect(menuChanges(base, renamed)).toEqual({ remove: [], create: [], update: [{ ...item('outline', 'insert'), title: '提纲：新' }] });
    const used = [...base.slice(0, 4), item('recent|b', 'recent'), item('recent|a', 'recent'), ...base.slice(5)];
    expect(menuChanges(base, used)).toEqual({ remove: ['recent|a'], create: [item('recent|b', 'recent'), item('recent|a', 'recent')], update: [] });
  });

  it('remakes what is under a remade item, and empties a submenu whose items all went', () => {
    const next = [item('insert'), item('favorites', 'insert'), item('favorites-none', 'favorites'), item('recent', 'insert'), item('recent|a', 'recent'), item('outline', 'insert'), item('outline-s', 'outline'), item('outline|y', 'outline-s')];
    expect(menuChanges(base, next)).toEqual({ remove: ['outline|x'], create: [item('outline-s', 'outline'), item('outline|y', 'outline-s')], update: [] });
    const emptied = base.filter((i) => i.parentId !== 'outline');
    expect(menuChanges(base, emptied)).toEqual({ remove: ['outline|x'], create: [], update: [] });
  });
});

describe('the menu in the browser', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is made whole the first time; after that only what changed is made again, so it is never half there', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
    vi.resetModules();
    const fresh = await import('../../utils/context-menu');
    const log: string[] = [];
    const menus = {
      create: (item: { id: string; parentId?: string }) => log.push(`+${item.id}`),
      update: (id: string) => void log.push(`~${id}`),
      remove: (id: string) => void log.push(`-${id}`),
    };
    await fresh.remakeMenu(menus);
    expect(log.filter((op) => op.startsWith('-'))).toEqual([`-${MENU_INSERT}`, '-save-phrase', '-save-template']);
    expect(log).toContain(`+${MENU_INSERT}`);
    // Nothing changed: nothing is touched.
    log.length = 0;
    await fresh.remakeMenu(menus);
    expect(log).toEqual([]);
    // A first use: 最近使用 gets it in place of its greyed line; 插入 and the rest stay.
    const phrase = builtin.entries.find((entry) => entry.kind === 'snippet')!;
    await fakeBrowser.storage.local.set({ recent: [{ id: phrase.id, at: 1 }], recent$: { v: 1 } });
    await fresh.remakeMenu(menus);
    expect(log).toContain('-recent-none');
    expect(log).toContain(`+recent|${phrase.id}`);
    expect(log).not.toContain(`-${MENU_INSERT}`);
    expect(log).not.toContain('-favorites-none');
    // The browser refusing a change (its menu is not what was made): made whole again.
    log.length = 0;
    await fakeBrowser.storage.local.set({ recent: [], recent$: { v: 1 } });
    await fresh.remakeMenu({ ...menus, remove: (id: string) => (log.push(`-${id}`), id === MENU_INSERT ? undefined : Promise.reject(new Error('gone'))) });
    expect(log).toContain(`-${MENU_INSERT}`);
    expect(log).toContain('+recent-none');
    expect(menuTouched({ favorites: {} })).toBe(true);
    expect(menuTouched({ recent$: {} })).toBe(true);
    expect(menuTouched({ triggers: {} })).toBe(false);
  });

  it("puts a clicked entry's text, its blanks filled, in the frame that was right-clicked, and counts it as a use", async () => {
    const dated = builtin.entries.find((entry) => entry.body.includes('@今天'))!;
    const sent: { tabId: number; frameId: number; message: BackgroundToPage }[] = [];
    const tabs = {
      async sendMessage(tabId: number, message: unknown, { frameId }: { frameId: number }) {
        sent.push({ tabId, frameId, message: message as BackgroundToPage });
        return { status: 'inserted' };
      },
    };
    const notices = { truncated: '$1', fallback: 'f', reasons: {} as never, copyFailed: 'c' };
    expect(await insertFromMenu(tabs, { menuItemId: `recent|${dated.id}`, frameId: 3 }, 9, notices, new Date(2026, 11, 3))).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.tabId).toBe(9);
    expect(sent[0]!.frameId).toBe(3);
    const message = sent[0]!.message as Extract<BackgroundToPage, { type: 'background→page:insert' }>;
    expect(message.text).toContain('2026年12月3日');
    expect(message.notices).toBe(notices);
    const { recent } = await fakeBrowser.storage.local.get('recent');
    expect(JSON.stringify(recent)).toContain(dated.id);
    // A heading, or an entry that is gone, inserts nothing.
    expect(await insertFromMenu(tabs, { menuItemId: 'favorites', frameId: 0 }, 9, notices)).toBe(false);
    expect(await insertFromMenu(tabs, { menuItemId: 'recent|gone', frameId: 0 }, 9, notices)).toBe(false);
    expect(sent).toHaveLength(1);
  });

  it('a right-clicked frame with no script of its own (one an editor wrote, adopted by its parent) gets it through the frame that reported the field', async () => {
    const phrase = builtin.entries.find((entry) => entry.kind === 'snippet')!;
    const sent: number[] = [];
    const tabs = {
      async sendMessage(_tabId: number, _message: unknown, { frameId }: { frameId: number }) {
        sent.push(frameId);
        if (frameId === 6) throw new Error('Could not establish connection. Receiving end does not exist.');
        return { status: 'inserted' };
      },
    };
    const notices = { truncated: '$1', fallback: 'f', reasons: {} as never, copyFailed: 'c' };
    await recordFocusedFrame(9, 2);
    expect(await insertFromMenu(tabs, { menuItemId: `recent|${phrase.id}`, frameId: 6 }, 9, notices)).toBe(true);
    expect(sent).toEqual([6, 2]);
    // No other frame reported a field: nothing goes in, and nothing is asked twice.
    sent.length = 0;
    await recordFocusedFrame(9, 6);
    expect(await insertFromMenu(tabs, { menuItemId: `recent|${phrase.id}`, frameId: 6 }, 9, notices)).toBe(false);
    expect(sent).toEqual([6]);
  });
});

describe('saving a selection from the menu', () => {
  beforeEach(() => fakeBrowser.reset());

  const answering = (answer: unknown) => ({
    sent: [] as { frameId: number; message: unknown }[],
    async sendMessage(_tabId: number, message: unknown, { frameId }: { frameId: number }) {
      this.sent.push({ frameId, message });
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });

  it('asks the right-clicked frame for the text and what is above it, and opens the editor with the guess', async () => {
    const { pendingEntry } = await import('../../utils/pending-entry');
    const tabs = answering({ text: '（二）担当作为方面\n遇到矛盾绕着走。', before: '一、存在的主要问题\n（一）理论学习方面\n学得不深。\n' });
    let opened = 0;
    expect(await saveFromMenu(tabs, { menuItemId: 'save-template', frameId: 2 }, 5, async () => void (opened += 1), 1000)).toBe(true);
    expect(tabs.sent).toEqual([{ frameId: 2, message: { type: 'background→page:selection' } }]);
    expect(opened).toBe(1);
    expect(await pendingEntry.getValue()).toEqual({ kind: 'template', title: '担当作为方面', body: '（二）担当作为方面\n遇到矛盾绕着走。', path: ['存在的主要问题', '担当作为方面'], at: 1000 });
  });

  it("takes the browser's copy of the text where the page cannot answer, and does nothing for an empty one or another item", async () => {
    const { pendingEntry } = await import('../../utils/pending-entry');
    const open = async () => undefined;
    expect(await saveFromMenu(answering(new Error('no receiver')), { menuItemId: 'save-phrase', selectionText: '学用结合不紧。' }, 5, open, 7)).toBe(true);
    expect(await pendingEntry.getValue()).toMatchObject({ kind: 'snippet', body: '学用结合不紧。', path: [] });
    await pendingEntry.setValue(null);
    expect(await saveFromMenu(answering({ text: '  ', before: '' }), { menuItemId: 'save-phrase' }, 5, open)).toBe(false);
    expect(await saveFromMenu(answering(null), { menuItemId: 'recent|x' }, 5, open)).toBe(false);
    expect(await pendingEntry.getValue()).toBeNull();
  });
});
