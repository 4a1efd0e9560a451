/**
 * 写报告, the composer, in Chromium and Firefox ESR, driven as a user would:
 * a draft started from the model report, a section item from a framework
 * collection and a phrase from the phrase library added, its placeholders
 * filled once, its parts moved with the keyboard and by dragging (numbers
 * rebuilt), then inserted into a textarea and into ProseMirror (one Ctrl+Z
 * each), exported as .txt, .docx (GB/T 9704 layout, read back to the same
 * tree) and DRAFT.json (which `npm run export` turns into the same .docx
 * bytes), kept across a browser restart, renamed, copied, deleted and
 * restored, dated today in the browser's time, and opened in the full page.
 *
 * Expected texts are computed in Node with the same core functions the
 * extension is built from (core/draft), from the draft read back from storage
 * and the values the form shows.
 *
 * Needs `npx wxt build && npx wxt build -b firefox` beforehand.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../core/docx';
import { documentInsertText } from '../../core/draft/document';
import { draftPlaceholders, draftTexts } from '../../core/draft/edit';
import { plainTextFile } from '../../core/draft/export';
import { readDraftFile } from '../../core/draft/file';
import { partsFromText } from '../../core/draft/from-report';
import type { Draft, DraftNode } from '../../core/draft/model';
import { renderDraft } from '../../core/draft/render';
import { placeholderUses } from '../../core/placeholders';
import { type ReportNode, parseReport } from '../../core/report-parser';
import { readBuiltinLibrary } from '../../scripts/builtin-library-plugin';
import { type EditorSite, startEditorSite } from './editors/site';
import {
  type AnyPage,
  type BrowserDriver,
  type WebTab,
  attribute,
  browsers,
  click,
  closePage,
  downloadedBytes,
  downloadedTexts,
  dragAndDrop,
  evaluate,
  press,
  recordDownloads,
  selectOption,
  setValue,
  setViewportSize,
  storageSnapshot,
  type,
  waitFor,
} from './harness/driver';
import { READY } from './harness/popup-driving';
import { type TestSite, startTestSite } from './pages/site';

const LOCALE = 'zh-CN';
/** Polling, never fixed sleeps: the limit is only for loaded machines. */
const POLL = { timeout: 15_000, interval: 50 };
/** A test that walks through a whole report takes longer than the config's default. */
const LONG = 120_000;
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The textarea of fields.html and where the caret goes in it (as in sidepanel.test.ts). */
const INITIAL = '前半句，后半句。';
const MIDDLE = 4;
const withText = (text: string) => INITIAL.slice(0, MIDDLE) + text + INITIAL.slice(MIDDLE);
/** The rich editors' one paragraph, the caret after HEAD (test/e2e/editors/pages/common.js). */
const HEAD = '开头文字。';
const TAIL = '结尾文字。';

/** The value typed once for the unit's name, which the model report names in many places. */
const UNIT_NAME = '单位全称';
const UNIT = '某某经济开发区';

const builtins = readBuiltinLibrary().collections;
const entry = (id: string) => {
  const found = builtins.flatMap((c) => c.entries).find((e) => e.id === id);
  if (!found) throw new Error(`no built-in entry ${id}`);
  return found;
};
/** An item of the 党性分析 framework that the add panel's search for 担当 finds. */
const ITEM = entry('builtin-dangxing:s1-2');
const ITEM_HEADING = partsFromText(ITEM.body, () => 'x', false).nodes[0]!.heading;
/** A phrase of the phrase library, without placeholders, so it reads the same wherever it goes. */
const PHRASE = entry('builtin-phrases:problem-046');

// ---------------------------------------------------------------------------
// Reading the extension's state.

const storedDrafts = async (page: AnyPage): Promise<Draft[]> => {
  const raw = (await storageSnapshot(page)).drafts;
  return raw === undefined ? [] : (JSON.parse(raw as string) as { drafts: Draft[] }).drafts;
};
const storedDraft = async (page: AnyPage, id: string): Promise<Draft | undefined> => (await storedDrafts(page)).find((d) => d.id === id);
async function mustStored(page: AnyPage, id: string): Promise<Draft> {
  const draft = await storedDraft(page, id);
  if (!draft) throw new Error(`draft ${id} is not stored`);
  return draft;
}

interface Row {
  id: string;
  depth: number;
  kind: string;
  number: string;
  heading: string;
}
/** The parts as the editor lists them, in order, with the numbers it shows. */
const readRows = (panel: AnyPage): Promise<Row[]> =>
  evaluate(
    panel,
    () =>
      Array.from(document.querySelectorAll('ol.parts > li.part'), (li) => ({
        id: li.getAttribute('data-node-id') ?? '',
        depth: Number(li.getAttribute('data-depth')),
        kind: li.getAttribute('data-kind') ?? '',
        number: li.querySelector('.part-number')?.textContent ?? '',
        heading: li.querySelector<HTMLInputElement>('input.part-heading')?.value ?? '',
      })),
    undefined,
  );

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/**
 * The rows a tree must show, numbered by where each heading stands, written
 * out here rather than taken from core/draft/numbering.ts so a wrong rule there
 * cannot pass for a right one.
 */
function expectedRows(nodes: readonly DraftNode[], depth = 1): Row[] {
  let ordinal = 0;
  return nodes.flatMap((node) => {
    let number = '';
    if (node.kind === 'heading') {
      ordinal += 1;
      number = [`${CN_NUMERALS[ordinal - 1]}、`, `（${CN_NUMERALS[ordinal - 1]}）`, `${ordinal}.`, `（${ordinal}）`][depth - 1]!;
    }
    return [{ id: node.id, depth, kind: node.kind, number, heading: node.heading }, ...expectedRows(node.children, depth + 1)];
  });
}
const numbered = (rows: readonly Row[], depth: number) => rows.filter((r) => r.depth === depth && r.number).map((r) => r.number + r.heading);

/** Every placeholder's value as the values form shows it: what the draft is filled with. */
const formValues = (panel: AnyPage): Promise<Record<string, string>> =>
  evaluate(
    panel,
    () => Object.fromEntries(Array.from(document.querySelectorAll<HTMLInputElement>('fieldset[data-values-form] input'), (i) => [i.name, i.value])),
    undefined,
  );
const formNames = async (panel: AnyPage) => Object.keys(await formValues(panel));

/** The composer's status line with its tone, as statusOf in sidepanel.test.ts. */
const statusOf = (panel: AnyPage) =>
  evaluate(
    panel,
    () => {
      const status = document.querySelector('.composer > .status[role="status"]');
      return `${status?.getAttribute('data-tone')}: ${status?.textContent ?? ''}`;
    },
    undefined,
  );

/** Today in the browser's local time, as the genre writes it and as --date takes it. */
const browserToday = (page: AnyPage) =>
  evaluate(
    page,
    () => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return { written: `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`, year: String(d.getFullYear()), iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` };
    },
    undefined,
  );

/** The finished document's paragraphs: the stored draft filled with what the form shows. */
const documentOf = (draft: Draft, values: Record<string, string>) => renderDraft({ ...draft, values: Object.entries(values) });

/** How often a placeholder stands in the whole draft. */
const usesOf = (draft: Draft, name: string) => draftTexts(draft).flatMap((t) => placeholderUses(t)).filter((u) => u.name === name).length;
const occurrences = (text: string, part: string) => text.split(part).length - 1;

/** A parsed report's tree as types, titles and texts, for comparing two readings of one document. */
const shape = (node: ReportNode): unknown => ({ type: node.type, title: node.title, text: node.text, children: node.children.map(shape) });

/** The attributes of the first `<tag …>` in `xml`. */
function attributesOf(xml: string, tag: string): Record<string, string> | undefined {
  const match = new RegExp(`<${tag}(\\s[^>]*?)?/?>`).exec(xml);
  if (!match) return undefined;
  return Object.fromEntries(Array.from((match[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g), (m) => [m[1]!, m[2]!]));
}

// ---------------------------------------------------------------------------
// Acting in the composer.

async function openCompose(panel: AnyPage): Promise<void> {
  await click(panel, '#tab-compose');
  await waitFor(panel, '.composer[data-drafts="loaded"]');
}

/** Starts a draft from a collection, whole or as headings only, and returns its id once it is stored. */
async function startDraft(panel: AnyPage, collection: string, startShape: 'whole' | 'structure'): Promise<string> {
  await click(panel, '[data-action="new-draft"]');
  await waitFor(panel, 'select[name="start-collection"]');
  await selectOption(panel, 'select[name="start-collection"]', collection);
  await click(panel, `input[name="start-shape"][value="${startShape}"]`);
  await click(panel, '[data-action="start-draft"]');
  await waitFor(panel, '.draft-editor[data-draft-id]');
  const id = (await attribute(panel, '.draft-editor', 'data-draft-id')) ?? '';
  await expect.poll(async () => (await storedDraft(panel, id)) !== undefined, POLL).toBe(true);
  return id;
}

const part = (id: string) => `ol.parts > li.part[data-node-id="${id}"]`;

/**
 * Puts the caret at `position` in a field of a part (-1: at its end), then
 * presses and releases Shift, which moves nothing: the part learns where the
 * caret is from the key, as from a user's click or arrow key.
 */
async function caretIn(panel: AnyPage, selector: string, position: number): Promise<void> {
  await evaluate(
    panel,
    ([sel, at]) => {
      const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(sel);
      if (!field) throw new Error(`no ${sel}`);
      field.focus();
      const p = at < 0 ? field.value.length : at;
      field.setSelectionRange(p, p);
    },
    [selector, position] as const,
  );
  await press(panel, 'Shift');
}

/** Searches the add panel as a user types, and clicks the result `entryId` (the panel then shows the draft again). */
async function addFromSearch(panel: AnyPage, query: string, entryId: string): Promise<void> {
  const box = '.add-panel input[type="search"]';
  // The side panel shows the draft or the library, one at a time (the full page both).
  const addPane = '#composer-pane-add';
  if (await evaluate(panel, (sel) => document.querySelector(sel) !== null, addPane)) await click(panel, addPane);
  await setValue(panel, box, '');
  await type(panel, query);
  const row = `.add-panel li.row[role="option"][data-entry-id="${entryId}"]`;
  // Says where the keys went and what is listed, should the entry not come.
  const seen = () =>
    evaluate(
      panel,
      ([sel, wanted]) => {
        const input = document.querySelector<HTMLInputElement>(sel);
        const ids = Array.from(document.querySelectorAll('.add-panel li.row[role="option"]'), (r) => r.getAttribute('data-entry-id'));
        const active = document.activeElement as HTMLTextAreaElement | null;
        // The list renders only the rows in view: scroll on by a screen, as a user looking for it would.
        const list = document.querySelector('.add-panel [role="listbox"]');
        if (list && !ids.includes(wanted)) list.scrollTop = list.scrollTop + list.clientHeight >= list.scrollHeight - 1 ? 0 : list.scrollTop + list.clientHeight;
        return ids.includes(wanted) ? 'listed' : `query "${input?.value}", focus on ${active?.tagName}.${active?.className} in ${active?.closest('[data-node-id]')?.getAttribute('data-node-id')} value ${active?.value?.slice(0, 30)}, rows ${ids.slice(0, 5).join(' ')}`;
      },
      [box, entryId] as const,
    );
  await expect.poll(seen, POLL).toBe('listed');
  await click(panel, `${row} .row-title`);
}

/** Waits until storage holds what the editor shows and the editor says so. */
async function settled(panel: AnyPage, id: string, check: (draft: Draft) => boolean): Promise<Draft> {
  await expect.poll(async () => check(await mustStored(panel, id)), POLL).toBe(true);
  await waitFor(panel, '.draft-editor[data-save-state="saved"]');
  return mustStored(panel, id);
}

/**
 * Drags a part by its handle onto the upper ('before') or lower ('after') half
 * of another. Chromium: a real mouse drag (Playwright's dragAndDrop). Firefox
 * ESR 140 over WebDriver BiDi starts a native drag from the mouse actions
 * (dragstart, dragover arrive) but never ends it: the pointer's release gives
 * neither drop nor dragend, so the drop cannot be made there with the mouse.
 * In Firefox the page gets the same events from a script instead: dragstart
 * on the handle, dragenter and dragover at the same point of the target, drop,
 * dragend, with one DataTransfer, as the browser would hand them.
 */
async function dragPart(panel: AnyPage, browser: string, sourceId: string, targetId: string, where: 'before' | 'after'): Promise<void> {
  const handle = `${part(sourceId)} .part-handle`;
  const height = await evaluate(panel, (sel) => document.querySelector(sel)!.getBoundingClientRect().height, part(targetId));
  const y = where === 'before' ? 4 : Math.floor(height) - 4;
  if (browser === 'Chromium') {
    await dragAndDrop(panel, handle, part(targetId), { x: 40, y });
    return;
  }
  await evaluate(
    panel,
    ([source, dest, offset]) => {
      const from = document.querySelector<HTMLElement>(source)!;
      const to = document.querySelector<HTMLElement>(dest)!;
      const data = new DataTransfer();
      const start = from.getBoundingClientRect();
      const box = to.getBoundingClientRect();
      const at = { clientX: box.left + 40, clientY: box.top + offset };
      const fire = (element: Element, name: string, point: { clientX: number; clientY: number }) =>
        element.dispatchEvent(new DragEvent(name, { bubbles: true, cancelable: true, composed: true, dataTransfer: data, ...point }));
      fire(from, 'dragstart', { clientX: start.left + 2, clientY: start.top + 2 });
      fire(to, 'dragenter', at);
      fire(to, 'dragover', at);
      fire(to, 'drop', at);
      fire(from, 'dragend', at);
    },
    [handle, part(targetId), y] as const,
  );
}

/** Clicks a delivery button once the bar is free (a click while it is busy is ignored, as for a double click). */
async function deliver(panel: AnyPage, action: string): Promise<void> {
  await waitFor(panel, '.deliver-bar:not([data-busy])');
  await click(panel, `[data-action="${action}"]`);
}

/** Runs `npm run export` (scripts/export.ts) as a user would. */
const exec = promisify(execFile);

// ---------------------------------------------------------------------------

it('finds in the built-in library what these tests add', () => {
  expect(ITEM.kind).toBe('template');
  expect(ITEM_HEADING).toBe('在担当作为方面');
  expect(PHRASE.kind).toBe('snippet');
  expect(placeholderUses(PHRASE.body)).toEqual([]);
});

let run = 0;
let site: TestSite;
let editors: EditorSite;
beforeAll(async () => {
  [site, editors] = await Promise.all([startTestSite(), startEditorSite()]);
});
afterAll(async () => {
  await Promise.all([site?.close(), editors?.close()]);
});

for (const target of browsers) {
  describe(`写报告 (the composer) in ${target.name}`, () => {
    /** A profile kept for the restart test; every test runs in it. */
    let profile = '';
    let driver: BrowserDriver | undefined;
    const opened: AnyPage[] = [];

    beforeAll(async () => {
      profile = mkdtempSync(join(tmpdir(), 'bixia-e2e-composer-'));
      driver = await target.launch({ locale: LOCALE, userDataDir: profile });
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((page) => closePage(page).catch(() => undefined)));
    });
    afterAll(async () => {
      await driver?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    const running = (): BrowserDriver => {
      if (!driver) throw new Error(`${target.name} did not start`);
      return driver;
    };
    const keep = <P extends AnyPage>(page: P): P => {
      opened.push(page);
      return page;
    };
    const openPage = async (url: string): Promise<WebTab> => {
      const tab = await running().openWebPage(`${url}?run=${++run}`, READY);
      keep(tab.page);
      return tab;
    };
    /** The side panel for a web page's tab, in front as a user's click puts it. */
    const openPanelFor = async (tabId: number) => keep(await running().openSidePanel(tabId));
    /** The side panel where no page is written into. */
    const openPanel = async () => keep(await running().openExtensionPage('sidepanel.html'));
    const done = async (page: AnyPage) => {
      opened.splice(opened.indexOf(page), 1);
      await closePage(page);
    };

    it(
      'composes from the model report and a second collection, fills each name once, renumbers after Alt+↓, and inserts into a textarea and ProseMirror, each undone by one Ctrl+Z',
      async () => {
        const { page, tabId } = await openPage(site.url('fields.html'));
        // The caret as a keyboard user leaves it (sidepanel.test.ts: focus alone is no choice for Bixia).
        await evaluate(page, () => document.querySelector<HTMLTextAreaElement>('#textarea')!.focus(), undefined);
        await press(page, 'Escape');
        await evaluate(page, (at) => document.querySelector<HTMLTextAreaElement>('#textarea')!.setSelectionRange(at, at), MIDDLE);

        const panel = await openPanelFor(tabId);
        await openCompose(panel);
        const id = await startDraft(panel, 'builtin', 'whole');
        const started = await mustStored(panel, id);
        expect(await readRows(panel)).toEqual(expectedRows(started.nodes));
        const [opening, gaps, causes, aims] = started.nodes;
        expect([opening?.kind, gaps?.heading, causes?.heading, aims?.heading]).toEqual(['text', '主要差距不足', '成因分析', '努力方向']);

        // An item of another collection goes after the part holding the caret: the last item of 主要差距不足.
        const lastGap = gaps!.children.at(-1)!;
        await caretIn(panel, `${part(lastGap.id)} textarea.part-text`, 0);
        await addFromSearch(panel, '担当', ITEM.id);
        const withItem = await settled(panel, id, (d) => d.nodes[1]!.children.length === gaps!.children.length + 1);
        const item = withItem.nodes[1]!.children.at(-1)!;
        expect(item.heading).toBe(ITEM_HEADING);
        expect(await readRows(panel)).toContainEqual({ id: item.id, depth: 2, kind: 'heading', number: '（四）', heading: ITEM_HEADING });

        // A phrase goes in at the caret, here after the first clause of the item's text.
        const cut = item.text.indexOf('，') + 1;
        expect(cut).toBeGreaterThan(0);
        await caretIn(panel, `${part(item.id)} textarea.part-text`, cut);
        await addFromSearch(panel, PHRASE.title.slice(0, 8), PHRASE.id);
        const phrased = item.text.slice(0, cut) + PHRASE.body + item.text.slice(cut);
        await settled(panel, id, (d) => d.nodes[1]!.children.at(-1)!.text === phrased);
        await expect
          .poll(() => evaluate(panel, (sel) => document.querySelector<HTMLTextAreaElement>(sel)!.value, `${part(item.id)} textarea.part-text`), POLL)
          .toBe(phrased);

        // One form for the whole draft: every name once, the item's own names included; the unit typed once.
        const names = draftPlaceholders(await mustStored(panel, id)).map((p) => p.name);
        expect(names).toEqual(expect.arrayContaining([UNIT_NAME, '日期', ...placeholderUses(ITEM.body).map((u) => u.name)]));
        await expect.poll(() => formNames(panel), POLL).toEqual(names);
        await setValue(panel, `fieldset[data-values-form] input[name="${UNIT_NAME}"]`, UNIT);
        // Read before the move: a move is saved a moment after it is made.
        const before = await settled(panel, id, (d) => d.values.some(([n, v]) => n === UNIT_NAME && v === UNIT));

        // Alt+↓ in 主要差距不足's heading moves it below 成因分析, children and all, and every number follows.
        await evaluate(panel, (sel) => document.querySelector<HTMLInputElement>(sel)!.focus(), `${part(gaps!.id)} input.part-heading`);
        await press(panel, 'Alt+ArrowDown');
        const moved = [before.nodes[0]!, before.nodes[2]!, before.nodes[1]!, ...before.nodes.slice(3)];
        await expect.poll(() => readRows(panel), POLL).toEqual(expectedRows(moved));
        const rows = await readRows(panel);
        expect(numbered(rows, 1)).toEqual(['一、成因分析', '二、主要差距不足', '三、努力方向']);
        expect(rows.filter((r) => r.depth === 2).map((r) => r.number)).toEqual(['（一）', '（二）', '（一）', '（二）', '（三）', '（四）', '（一）', '（二）', '（三）', '（四）']);
        // The focus stays in the moved heading, so Alt+↓ can be pressed again.
        expect(await evaluate(panel, () => document.activeElement?.closest('li.part')?.getAttribute('data-node-id'), undefined)).toBe(gaps!.id);
        const draft = await settled(panel, id, (d) => d.nodes.map((n) => n.id).join() === moved.map((n) => n.id).join());

        // What the page must get: the draft filled with the form's values, today's date last.
        const values = await formValues(panel);
        const today = await browserToday(panel);
        expect(values[UNIT_NAME]).toBe(UNIT);
        expect(values['日期']).toBe(today.written);
        const text = documentInsertText(documentOf(draft, values));
        const lines = text.split('\n');
        expect(text).not.toContain('{{');
        expect(text).not.toMatch(/\n\n/);
        expect(occurrences(text, UNIT)).toBe(usesOf(draft, UNIT_NAME));
        expect(occurrences(text, UNIT)).toBeGreaterThan(1);
        expect(text).not.toContain('工业园区');
        expect(lines.filter((l) => /^[一二三四五六七八九十]+、/.test(l))).toEqual(['一、成因分析', '二、主要差距不足', '三、努力方向']);
        // The added item is the fourth under its section, wherever the section went.
        expect(lines.indexOf(`（四）${ITEM_HEADING}`)).toBeGreaterThan(lines.indexOf('二、主要差距不足'));
        expect(lines.indexOf('三、努力方向')).toBeGreaterThan(lines.indexOf(`（四）${ITEM_HEADING}`));
        expect(text).toContain(PHRASE.body);
        expect(lines.at(-1)).toBe(today.written);

        await click(panel, '[data-action="insert-draft"]');
        await running().returnToPage(page);
        const valueOf = () => evaluate(page, () => document.querySelector<HTMLTextAreaElement>('#textarea')!.value, undefined);
        await expect.poll(valueOf, POLL).toBe(withText(text));
        await expect.poll(() => statusOf(panel), POLL).toBe('success: ✓已插入');

        // One Ctrl+Z, back in the field, takes the whole report out again.
        await running().bringToFront(page);
        await evaluate(page, () => document.querySelector<HTMLTextAreaElement>('#textarea')!.focus(), undefined);
        await press(page, 'Control+z');
        await expect.poll(valueOf, POLL).toBe(INITIAL);
        await done(panel);

        // The same draft into a rich editor: its model holds the paragraphs, and one Ctrl+Z removes them.
        const editor = await openPage(editors.url('prosemirror'));
        const paras = () => evaluate(editor.page, () => (window as unknown as { lab: { paras(): string[] } }).lab.paras(), undefined);
        expect(await paras()).toEqual([HEAD + TAIL]);
        await evaluate(editor.page, () => (window as unknown as { lab: { place(): void } }).lab.place(), undefined);
        await press(editor.page, 'ArrowRight');
        await press(editor.page, 'ArrowLeft');
        const panel2 = await openPanelFor(editor.tabId);
        await openCompose(panel2);
        await click(panel2, `li.draft-item[data-draft-id="${id}"] [data-action="open-draft"]`);
        await waitFor(panel2, `.draft-editor[data-draft-id="${id}"]`);
        await click(panel2, '[data-action="insert-draft"]');
        await running().returnToPage(editor.page);
        // Either accepted shape (editors.test.ts): the first line joined to HEAD and the last to TAIL, or all as paragraphs of their own.
        const joined = [HEAD + lines[0], ...lines.slice(1, -1), lines.at(-1) + TAIL];
        const split = [HEAD, ...lines, TAIL];
        await expect.poll(async () => {
          const now = JSON.stringify(await paras());
          return now === JSON.stringify(joined) || now === JSON.stringify(split) ? 'inserted' : now;
        }, POLL).toBe('inserted');
        await expect.poll(() => statusOf(panel2), POLL).toBe('success: ✓已插入');
        await running().bringToFront(editor.page);
        await evaluate(editor.page, () => (window as unknown as { lab: { focus(): void } }).lab.focus(), undefined);
        await press(editor.page, 'Control+z');
        await expect.poll(paras, POLL).toEqual([HEAD + TAIL]);
      },
      LONG,
    );

    it('moves parts by dragging their handles, to another place and another parent, and renumbers; Alt+← and Alt+→ move a level; a removed part comes back with 撤销', async () => {
      const panel = await openPanel();
      await openCompose(panel);
      const id = await startDraft(panel, 'builtin', 'whole');
      const [opening, gaps, causes, aims] = (await mustStored(panel, id)).nodes as [DraftNode, DraftNode, DraftNode, DraftNode];
      // Tall enough that a drag's start and end are both in view: a drag does not scroll the page on its way.
      await setViewportSize(panel, { width: 1000, height: 6000 });
      const drag = (source: string, targetId: string, where: 'before' | 'after') => dragPart(panel, target.name, source, targetId, where);

      // 努力方向 dropped on the upper half of 主要差距不足 goes before it.
      await drag(aims.id, gaps.id, 'before');
      const first = [opening, aims, gaps, causes];
      await expect.poll(() => readRows(panel), POLL).toEqual(expectedRows(first));
      expect(numbered(await readRows(panel), 1)).toEqual(['一、努力方向', '二、主要差距不足', '三、成因分析']);
      await settled(panel, id, (d) => d.nodes.map((n) => n.id).join() === first.map((n) => n.id).join());

      // 努力方向's first item dropped on the lower half of 主要差距不足's first item: it becomes that section's second.
      const [aim1, ...aimsRest] = aims.children as [DraftNode, ...DraftNode[]];
      const [gap1, ...gapsRest] = gaps.children as [DraftNode, ...DraftNode[]];
      await drag(aim1.id, gap1.id, 'after');
      const second = [opening, { ...aims, children: aimsRest }, { ...gaps, children: [gap1, aim1, ...gapsRest] }, causes];
      await expect.poll(() => readRows(panel), POLL).toEqual(expectedRows(second));
      const rows = await readRows(panel);
      expect(rows.find((r) => r.id === aim1.id)?.number).toBe('（二）');
      expect(rows.filter((r) => r.depth === 2).map((r) => r.number)).toEqual(['（一）', '（二）', '（三）', '（一）', '（二）', '（三）', '（四）', '（一）', '（二）']);
      const stored = await settled(panel, id, (d) => d.nodes[2]!.children.map((n) => n.id).join() === second[2]!.children.map((n) => n.id).join());
      expect(stored.nodes[1]!.children.map((n) => n.id)).toEqual(aimsRest.map((n) => n.id));

      // The keyboard's way between levels: Alt+← puts the item after its section, as 三、; Alt+→ puts it back as the section's last item.
      const heading = `${part(aim1.id)} input.part-heading`;
      await evaluate(panel, (sel) => document.querySelector<HTMLInputElement>(sel)!.focus(), heading);
      await press(panel, 'Alt+ArrowLeft');
      const third = [opening, second[1]!, { ...gaps, children: [gap1, ...gapsRest] }, aim1, causes];
      await expect.poll(() => readRows(panel), POLL).toEqual(expectedRows(third));
      expect(numbered(await readRows(panel), 1)).toEqual(['一、努力方向', '二、主要差距不足', `三、${aim1.heading}`, '四、成因分析']);
      await expect.poll(() => evaluate(panel, (sel) => document.activeElement === document.querySelector(sel), heading), POLL).toBe(true);
      await press(panel, 'Alt+ArrowRight');
      const fourth = [opening, second[1]!, { ...gaps, children: [gap1, ...gapsRest, aim1] }, causes];
      await expect.poll(() => readRows(panel), POLL).toEqual(expectedRows(fourth));
      expect((await readRows(panel)).find((r) => r.id === aim1.id)?.number).toBe('（四）');
      await settled(panel, id, (d) => d.nodes[2]!.children.at(-1)?.id === aim1.id && d.nodes.length === 4);

      // A part removed, children and all, comes back where it was with 撤销; the numbers follow both ways.
      await click(panel, `${part(causes.id)} [data-action="remove-part"]`);
      await expect.poll(() => readRows(panel), POLL).toEqual(expectedRows(fourth.slice(0, 3)));
      await settled(panel, id, (d) => d.nodes.length === 3);
      await click(panel, '[data-action="undo-remove-part"]');
      await expect.poll(() => readRows(panel), POLL).toEqual(expectedRows(fourth));
      await settled(panel, id, (d) => d.nodes.at(-1)?.id === causes.id);
    });

    it(
      'exports the draft as .txt and as a GB/T 9704 .docx that reads back to the same tree, and as DRAFT.json from which npm run export writes the same .docx bytes',
      async () => {
        const panel = await openPanel();
        await openCompose(panel);
        const id = await startDraft(panel, 'builtin', 'whole');
        await setValue(panel, `fieldset[data-values-form] input[name="${UNIT_NAME}"]`, UNIT);
        const draft = await settled(panel, id, (d) => d.values.some(([n, v]) => n === UNIT_NAME && v === UNIT));
        const values = await formValues(panel);
        const paragraphs = documentOf(draft, values);

        await recordDownloads(panel);
        const exported = async (action: string, count: number, extension: string) => {
          await deliver(panel, action);
          await expect.poll(async () => (await downloadedTexts(panel)).length, POLL).toBe(count);
          await expect.poll(() => statusOf(panel), POLL).toMatch(new RegExp(`^success: ✓已导出“.*\\.${extension}”`));
        };
        const before = await browserToday(panel);
        await exported('export-txt', 1, 'txt');
        await exported('export-docx', 2, 'docx');
        await exported('export-json', 3, 'json');
        const after = await browserToday(panel);
        // Across midnight the files could carry two dates; the test would not know which.
        expect(after.iso).toBe(before.iso);
        expect(values['日期']).toBe(before.written);

        // The .txt: the document with its numbers, a blank line after the title and before the 落款.
        const [txt = '', , json = ''] = await downloadedTexts(panel);
        expect(txt).toBe(plainTextFile(paragraphs));
        const txtLines = txt.split('\n');
        expect(txtLines[0]).toBe(paragraphs[0]!.text);
        expect(txtLines[1]).toBe('');
        expect(txtLines).toEqual(expect.arrayContaining(['一、主要差距不足', '二、成因分析', '三、努力方向', '（一）主观上', before.written]));
        expect(txt).not.toContain('{{');
        expect(txt.endsWith(`\n${before.written}\n`)).toBe(true);

        // The .docx, as Word reads it: A4, the standard's margins and grid, odd and even page numbers, its fonts.
        const docx = Buffer.from((await downloadedBytes(panel))[1]!, 'base64');
        const zip = await JSZip.loadAsync(docx);
        const part = async (name: string) => {
          const file = zip.file(name);
          if (!file) throw new Error(`the .docx has no ${name}`);
          return file.async('string');
        };
        const documentXml = await part('word/document.xml');
        expect(attributesOf(documentXml, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
        expect(attributesOf(documentXml, 'w:pgMar')).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' });
        expect(attributesOf(documentXml, 'w:docGrid')).toMatchObject({ 'w:linePitch': '579', 'w:charSpace': expect.stringMatching(/^-?\d+$/) });
        const footerRefs = Array.from(documentXml.matchAll(/<w:footerReference\b[^>]*>/g), (m) => attributesOf(m[0], 'w:footerReference')!);
        expect(footerRefs.map((r) => r['w:type']).sort()).toEqual(['default', 'even']);
        const rels = await part('word/_rels/document.xml.rels');
        for (const ref of footerRefs) {
          const target = new RegExp(`<Relationship\\b[^>]*Id="${ref['r:id']}"[^>]*>`).exec(rels)?.[0];
          const footer = await part(`word/${attributesOf(target ?? '', 'Relationship')?.Target}`);
          // The page number as "— 1 —": a PAGE field between em dashes.
          expect(footer).toMatch(/—[\s\S]*?<w:fldChar\b[^>]*w:fldCharType="begin"[\s\S]*?<w:instrText\b[^>]*>\s*PAGE\s*<\/w:instrText>[\s\S]*?<w:fldChar\b[^>]*w:fldCharType="end"[\s\S]*?—/);
        }
        const styles = await part('word/styles.xml');
        const styleWith = (font: string) => Array.from(styles.matchAll(/<w:style\b[\s\S]*?<\/w:style>/g), (m) => m[0]).find((s) => s.includes(`"${font}"`));
        const sizeOf = (xml: string | undefined) => attributesOf(xml ?? '', 'w:sz')?.['w:val'];
        expect(sizeOf(styleWith('方正小标宋简体'))).toBe('44');
        expect(styles).toContain('"仿宋_GB2312"');
        expect(sizeOf(styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)?.[0]) ?? sizeOf(styleWith('仿宋_GB2312'))).toBe('32');
        expect(styleWith('黑体')).toBeDefined();
        expect(styleWith('楷体_GB2312')).toBeDefined();
        expect(await part('word/settings.xml')).toMatch(/<w:evenAndOddHeaders\s*\/?>/);

        // Read back by Bixia's own .docx reader, the file parses to the tree the .txt gives.
        const fromDocx = parseReport(await readDocx(new Uint8Array(docx)));
        const fromTxt = parseReport(txt);
        expect(fromDocx.title).toBe(fromTxt.title);
        expect(shape(fromDocx.root)).toEqual(shape(fromTxt.root));
        expect(fromTxt.root.children.map((c) => c.type)).toEqual(['opening', 'heading', 'heading', 'heading', 'signature']);

        // DRAFT.json holds the draft with every value filled in; npm run export writes the same .docx from it.
        const file = readDraftFile(json);
        if (!file.ok) throw new Error(`DRAFT.json does not read: ${file.error}`);
        expect(file.draft.nodes).toEqual(draft.nodes);
        expect(Object.fromEntries(file.draft.values)).toEqual(values);
        const folder = mkdtempSync(join(tmpdir(), 'bixia-e2e-export-'));
        try {
          writeFileSync(join(folder, 'DRAFT.json'), json);
          await exec('npx', ['tsx', 'scripts/export.ts', join(folder, 'DRAFT.json'), '--docx', join(folder, 'out.docx'), '--date', before.iso], { cwd: REPO });
          const written = readFileSync(join(folder, 'out.docx'));
         
          expect(written.equals(docx), 'the same bytes as the browser exported').toBe(true);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
      LONG,
    );

    it(
      'keeps a draft across closing the panel and a browser restart; renames, duplicates, deletes and restores it in the list',
      async () => {
        const words = '这段文字在重启之后还在。';
        let panel = await openPanel();
        await openCompose(panel);
        await click(panel, '[data-action="new-draft"]');
        await click(panel, '[data-action="start-empty"]');
        await waitFor(panel, '.draft-editor[data-draft-id]');
        const id = (await attribute(panel, '.draft-editor', 'data-draft-id')) ?? '';
        await click(panel, '[data-action="add-text"]');
        await waitFor(panel, 'ol.parts > li.part[data-kind="text"] textarea.part-text');
        await evaluate(panel, () => document.querySelector<HTMLTextAreaElement>('ol.parts textarea.part-text')!.focus(), undefined);
        await type(panel, words);
        await settled(panel, id, (d) => d.nodes[0]?.text === words);

        /** Opens the draft from the list of a fresh panel and gives its first part's text. */
        const reopen = async (): Promise<string> => {
          panel = await openPanel();
          await openCompose(panel);
          await click(panel, `li.draft-item[data-draft-id="${id}"] [data-action="open-draft"]`);
          await waitFor(panel, `.draft-editor[data-draft-id="${id}"] ol.parts textarea.part-text`);
          return evaluate(panel, () => document.querySelector<HTMLTextAreaElement>('ol.parts textarea.part-text')!.value, undefined);
        };
        await done(panel);
        expect(await reopen()).toBe(words);
        await done(panel);

        // A restart with the same profile.
        await running().close();
        driver = undefined;
        driver = await target.launch({ locale: LOCALE, userDataDir: profile });
        expect(await reopen()).toBe(words);

        // Back to the list: rename.
        await click(panel, '[data-action="close-draft"]');
        const item = `li.draft-item[data-draft-id="${id}"]`;
        await waitFor(panel, item);
        await click(panel, `${item} [data-action="rename-draft"]`);
        await waitFor(panel, `${item} input[name="name"]`);
        await expect.poll(() => evaluate(panel, (sel) => document.activeElement === document.querySelector(sel), `${item} input[name="name"]`), POLL).toBe(true);
        await press(panel, 'Control+a');
        await type(panel, '重启后的草稿');
        await press(panel, 'Enter');
        await expect.poll(async () => (await storedDraft(panel, id))?.name, POLL).toBe('重启后的草稿');
        await expect.poll(() => evaluate(panel, (sel) => document.querySelector(sel)?.textContent ?? '', `${item} .draft-name`), POLL).toBe('重启后的草稿');

        // Duplicate: a copy right after it, with the same parts.
        const count = (await storedDrafts(panel)).length;
        await click(panel, `${item} [data-action="duplicate-draft"]`);
        await expect.poll(async () => (await storedDrafts(panel)).length, POLL).toBe(count + 1);
        const list = await storedDrafts(panel);
        const copy = list[list.findIndex((d) => d.id === id) + 1]!;
        expect(copy.id).not.toBe(id);
        expect(copy.name).toBe('重启后的草稿（副本）');
        expect(copy.nodes.map((n) => n.text)).toEqual([words]);
        await waitFor(panel, `li.draft-item[data-draft-id="${copy.id}"]`);

        // Delete the copy, then undo: back as it was, where it was.
        const withCopy = await storedDrafts(panel);
        await click(panel, `li.draft-item[data-draft-id="${copy.id}"] [data-action="delete-draft"]`);
        await expect.poll(async () => (await storedDrafts(panel)).some((d) => d.id === copy.id), POLL).toBe(false);
        expect(await evaluate(panel, (sel) => document.querySelector(sel) !== null, `li.draft-item[data-draft-id="${copy.id}"]`)).toBe(false);
        await click(panel, '[data-action="undo-delete-draft"]');
        await expect.poll(() => storedDrafts(panel), POLL).toEqual(withCopy);
        await waitFor(panel, `li.draft-item[data-draft-id="${copy.id}"]`);
      },
      LONG,
    );

    it("fills the 落款's {{日期|@今天}} with today's date in the browser's time, in the form and in the exported text", async () => {
      const panel = await openPanel();
      await openCompose(panel);
      const id = await startDraft(panel, 'builtin-dangxing', 'whole');
      const draft = await mustStored(panel, id);
      // The draft keeps the dynamic default, not a date frozen on the day it was started.
      expect(draft.signature.split('\n').at(-1)).toBe('{{日期|@今天}}');
      const today = await browserToday(panel);
      await expect.poll(async () => (await formValues(panel))['日期'], POLL).toBe(today.written);
      expect((await formValues(panel))['年度']).toBe(today.year);

      await recordDownloads(panel);
      await deliver(panel, 'export-txt');
      await expect.poll(async () => (await downloadedTexts(panel)).length, POLL).toBe(1);
      const [txt = ''] = await downloadedTexts(panel);
      const lines = txt.trimEnd().split('\n');
      expect(lines.at(-1)).toBe(today.written);
      expect(lines[0]).toBe(`${today.year}年度个人党性分析报告`);
      expect(txt).toBe(plainTextFile(documentOf(draft, await formValues(panel))));
      expect((await browserToday(panel)).written, 'still the same day').toBe(today.written);
    });

    it('opens the draft in the full page (composer.html#<id>) with the same title and parts, and no insert button', async () => {
      const panel = await openPanel();
      await openCompose(panel);
      // Headings only this time: the framework's structure, every text empty.
      const id = await startDraft(panel, 'builtin-dangxing', 'structure');
      const draft = await mustStored(panel, id);
      expect(draft.nodes.length).toBeGreaterThan(0);
      expect(draft.nodes.every((n) => n.kind === 'heading' && n.text === '')).toBe(true);
      const panelRows = await readRows(panel);
      expect(panelRows).toEqual(expectedRows(draft.nodes));
      expect(await evaluate(panel, () => document.querySelector('[data-action="insert-draft"]') !== null, undefined)).toBe(true);

      // 在新页面中打开: a tab with composer.html#<id>, showing the draft.
      await click(panel, '[data-action="open-full"]');
      const openedFull = () =>
        evaluate(
          panel,
          (draftId) => {
            type Api = { extension: { getViews(filter: { type: string }): Window[] } };
            const scope = globalThis as unknown as { browser?: Api; chrome: Api };
            const views = (scope.browser ?? scope.chrome).extension.getViews({ type: 'tab' });
            const view = views.find((w) => w.location.pathname.endsWith('/composer.html'));
            if (!view) return `no composer tab among ${views.map((w) => w.location.href).join(' ')}`;
            const editor = view.document.querySelector(`.draft-editor[data-draft-id="${draftId}"]`);
            return editor ? `${view.location.pathname.replace(/^.*\//, '/')}${view.location.hash}` : `${view.location.href} without the draft`;
          },
          id,
        );
      await expect.poll(openedFull, POLL).toBe(`/composer.html#${id}`);

      // The same page, driven: the same title and parts, copy and export but nothing to insert into.
      const full = keep(await running().openExtensionPage(`composer.html#${encodeURIComponent(id)}`));
      await waitFor(full, `.draft-editor[data-draft-id="${id}"]`);
      expect(await evaluate(full, () => document.querySelector<HTMLInputElement>('input[name="title"]')!.value, undefined)).toBe(draft.title);
      expect(await readRows(full)).toEqual(panelRows);
      expect(await evaluate(full, () => document.querySelector('[data-action="insert-draft"]') !== null, undefined)).toBe(false);
      for (const action of ['copy-draft', 'export-docx', 'export-txt', 'export-json']) {
        expect(await evaluate(full, (sel) => document.querySelector(sel) !== null, `[data-action="${action}"]`), action).toBe(true);
      }
      // Both show the library to add from in the full page, beside the draft.
      expect(await evaluate(full, () => !document.querySelector<HTMLElement>('.add-panel')!.hidden, undefined)).toBe(true);

      // A title typed in the full page reaches the side panel's copy of the draft.
      await setValue(full, 'input[name="title"]', '在完整页面中改的标题');
      await settled(full, id, (d) => d.title === '在完整页面中改的标题');
      await expect
        .poll(() => evaluate(panel, () => document.querySelector<HTMLInputElement>('input[name="title"]')!.value, undefined), POLL)
        .toBe('在完整页面中改的标题');
    });
  });
}
