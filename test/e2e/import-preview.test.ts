/**
 * The import preview in the real options page, in Chromium and Firefox ESR: a
 * report whose headings are Word heading styles and a report copied out of a
 * PDF give the tree their fixtures expect, with their opening, closing and
 * 落款; the report's specifics are proposed as placeholders and marked in the
 * body of the entry selected; the user unticks one, renames another, and what
 * is stored carries exactly the placeholders kept.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionIdFor } from '../../core/collection-id';
import { type Collection, buildCollection } from '../../core/library';
import { renderBody } from '../../core/placeholders';
import { readReportFile } from '../../core/report-file';
import { fileNameWithoutExtension } from '../../entrypoints/options/logic';
import { makeReportDocx } from '../fixtures/docx/make-docx';
import { heavyDocx, zipBombDocx } from '../fixtures/docx/zip-bomb';
import type { Expected, ExpectedItem } from '../fixtures/reports/expected';
import { type AnyPage, type BrowserDriver, attribute, browsers, chooseFile, click, closePage, evaluate, setValue, storedLibrary, text, waitFor } from './harness/driver';

const POLL = { timeout: 15_000, interval: 100 };
const REPORTS = new URL('../fixtures/reports/', import.meta.url);

/** A row of the preview's template tree as the test reads it. */
interface TreeRow {
  title: string;
  frame: string | null;
  items: TreeRow[];
}

const fixture = (name: string) => ({
  text: readFileSync(new URL(`${name}.txt`, REPORTS), 'utf8'),
  expected: JSON.parse(readFileSync(new URL(`${name}.expected.json`, REPORTS), 'utf8')) as Expected,
});

const cases = [
  { what: 'a .docx whose headings are Word heading styles', fixture: 'l-headings-alone', file: 'l-headings-alone.docx', make: (text: string) => makeReportDocx(text, 'styles') },
  { what: 'a .txt copied out of a PDF', fixture: 'h-pdf-copy', file: 'h-pdf-copy.txt', make: async (text: string) => new TextEncoder().encode(text) },
].map((c) => ({ ...c, ...fixture(c.fixture) }));

/** The tree the fixture describes: the whole report, its opening, its sections, its closing and 落款. */
function expectedTree(expected: Expected): TreeRow[] {
  const section = (s: ExpectedItem): TreeRow => ({ title: s.title, frame: null, items: s.items.map(section) });
  const has = (part: unknown) => (Array.isArray(part) ? part.length > 0 : Boolean(part));
  return [
    { title: expected.title, frame: null, items: [] },
    ...(has(expected.opening) ? [{ title: '开头', frame: 'opening', items: [] }] : []),
    ...expected.sections.map(section),
    ...(has(expected.closing) ? [{ title: '结尾', frame: 'closing', items: [] }] : []),
    ...(has(expected.signature) ? [{ title: '落款', frame: 'signature', items: [] }] : []),
  ];
}

/** The placeholders a fixture expects; the two imported here list them. */
function expectedPlaceholders(expected: Expected): { text: string; kind: string }[] {
  if (!expected.placeholders?.length) throw new Error(`${expected.title}: the fixture lists no placeholders`);
  return expected.placeholders;
}

const previewTree = (page: AnyPage) =>
  evaluate(
    page,
    () => {
      const read = (list: Element | null): TreeRow[] =>
        list
          ? Array.from(list.children, (row) => ({
              title: row.getAttribute('data-title') ?? '',
              frame: row.getAttribute('data-frame'),
              items: read(row.querySelector(':scope > [role="group"]')),
            }))
          : [];
      return read(document.querySelector('[data-template-tree]'));
    },
    undefined,
  );

/** The proposals as shown: words, whether ticked, and the name in the field. */
const previewProposals = (page: AnyPage) =>
  evaluate(
    page,
    () =>
      Array.from(document.querySelectorAll('[data-proposals] [data-proposal]'), (row) => ({
        text: row.getAttribute('data-proposal')!,
        ticked: row.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked,
        count: Number(row.getAttribute('data-count')),
        name: row.querySelector<HTMLInputElement>('input[name="placeholder-name"]')!.value,
      })),
    undefined,
  );

/** The body pane: which entry it shows, its text, and its marked words with their placeholder names. */
const bodyPane = (page: AnyPage) =>
  evaluate(
    page,
    () => {
      const pane = document.querySelector('[data-body-pane]')!;
      return {
        entryId: pane.getAttribute('data-entry-id'),
        text: Array.from(pane.querySelectorAll('[data-body-text] > p'), (p) => p.textContent).join('\n'),
        marks: Array.from(pane.querySelectorAll('mark[data-placeholder]'), (mark) => ({
          text: mark.textContent!,
          name: mark.getAttribute('data-placeholder')!,
          title: mark.getAttribute('title') ?? '',
        })),
      };
    },
    undefined,
  );

const press = (page: AnyPage, key: string) => (page as unknown as { keyboard: { press(k: string): Promise<void> } }).keyboard.press(key);

const rowSelector = (entryId: string) => `[data-template-tree] [role="treeitem"][data-entry-id="${entryId}"]`;

let files: string;
/** What the parser makes of each file, read as the options page reads it: the ids the preview must show. */
const parsed = new Map<string, Collection>();

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'bixia-e2e-import-'));
  for (const c of cases) {
    const bytes = await c.make(c.text);
    writeFileSync(join(files, c.file), bytes);
    const read = await readReportFile(bytes, c.file);
    if (!read.ok) throw new Error(`${c.file}: ${read.error}`);
    parsed.set(c.file, buildCollection(read.report, { collectionId: collectionIdFor(read.text), fallbackTitle: fileNameWithoutExtension(c.file) }));
  }
});
afterAll(() => rmSync(files, { recursive: true, force: true }));

for (const { name, launch } of browsers) {
  describe(`the import preview in ${name}`, () => {
    let driver: BrowserDriver;
    beforeAll(async () => {
      driver = await launch({ locale: 'zh-CN' });
    });
    afterAll(async () => {
      await driver?.close();
    });

    for (const c of cases) {
      it(`reads ${c.what} into the expected tree, proposes its specifics, and stores the placeholders kept`, async () => {
        const collection = parsed.get(c.file)!;
        const whole = collection.entries.find((e) => e.path.length === 0)!;
        const page = await driver.openExtensionPage('options.html#import');
        await chooseFile(page, 'input[type="file"][name="report-file"]', join(files, c.file));
        await waitFor(page, '[data-import-preview]');

        expect(await previewTree(page)).toEqual(expectedTree(c.expected));

        const proposals = await previewProposals(page);
        expect(proposals.map((p) => p.text)).toEqual(expect.arrayContaining(expectedPlaceholders(c.expected).map((p) => p.text)));
        expect(proposals.every((p) => p.ticked && p.name !== '')).toBe(true);

        // The whole report is shown first, every proposal marked under its name (where longer words do not take it).
        expect(await bodyPane(page)).toMatchObject({ entryId: whole.id, text: renderBody(whole.body) });
        const wholeMarks = (await bodyPane(page)).marks;
        for (const p of proposals.filter((p) => p.count > 0)) expect(wholeMarks).toContainEqual({ text: p.text, name: p.name, title: expect.stringContaining(p.name) });
        expect(wholeMarks.length).toBe(proposals.reduce((sum, p) => sum + p.count, 0));

        // An item that holds one of the specifics, selected with the mouse.
        const specific = expectedPlaceholders(c.expected).map((p) => p.text);
        const item = collection.entries.find((e) => e.kind === 'template' && e.path.length >= 2 && specific.some((s) => e.body.includes(s)))!;
        expect(item).toBeDefined();
        await click(page, `${rowSelector(item.id)} .tick-label`);
        await expect.poll(async () => (await bodyPane(page)).entryId, POLL).toBe(item.id);
        const itemPane = await bodyPane(page);
        expect(itemPane.text).toBe(renderBody(item.body));
        expect(itemPane.marks.some((m) => specific.some((s) => m.text.includes(s)))).toBe(true);

        // The keyboard: ↓ moves to the next row and shows it, Space ticks it and ticks it again.
        const next = await evaluate(
          page,
          (id) => {
            const rows = Array.from(document.querySelectorAll('[data-template-tree] [role="treeitem"]'));
            const at = rows.findIndex((row) => row.getAttribute('data-entry-id') === id);
            return rows[at + 1]!.getAttribute('data-entry-id')!;
          },
          item.id,
        );
        await press(page, 'ArrowDown');
        await expect.poll(async () => (await bodyPane(page)).entryId, POLL).toBe(next);
        expect(await evaluate(page, () => document.activeElement?.getAttribute('data-entry-id') ?? null, undefined)).toBe(next);
        const nextBox = `${rowSelector(next)} input[type="checkbox"]`;
        await press(page, ' ');
        await expect.poll(() => attribute(page, rowSelector(next), 'aria-checked'), POLL).toBe('false');
        await press(page, ' ');
        await expect.poll(() => attribute(page, rowSelector(next), 'aria-checked'), POLL).toBe('true');
        expect(await evaluate(page, (sel) => document.querySelector<HTMLInputElement>(sel)!.checked, nextBox)).toBe(true);

        // Untick the person's name; rename another, through a name that cannot be used.
        const person = expectedPlaceholders(c.expected).find((p) => p.kind === 'person')!.text;
        const renamed = proposals.find((p) => p.count > 0 && p.text !== person && !p.text.includes(person) && !person.includes(p.text))!;
        const proposalRow = (text: string) => `[data-proposals] [data-proposal="${text}"]`;
        await click(page, `${proposalRow(person)} input[type="checkbox"]`);
        await expect.poll(async () => (await bodyPane(page)).marks.some((m) => m.text === person), POLL).toBe(false);
        await setValue(page, `${proposalRow(renamed.text)} input[name="placeholder-name"]`, '单位|名称');
        await waitFor(page, `${proposalRow(renamed.text)} [data-name-problem="bad-character"]`);
        expect(await evaluate(page, () => document.querySelector<HTMLButtonElement>('[data-action="add-collection"]')!.disabled, undefined)).toBe(true);
        await setValue(page, `${proposalRow(renamed.text)} input[name="placeholder-name"]`, '我改的名称');
        await expect.poll(() => evaluate(page, () => document.querySelector<HTMLButtonElement>('[data-action="add-collection"]')!.disabled, undefined), POLL).toBe(false);

        await click(page, '[data-action="add-collection"]');
        await expect.poll(async () => (await storedLibrary(page)).collections.some((s) => s.id === collection.id), POLL).toBe(true);
        const stored = (await storedLibrary(page)).collections.find((s) => s.id === collection.id)!;
        expect(stored.entries.map((e) => e.id)).toEqual(collection.entries.map((e) => e.id));
        const storedWhole = stored.entries.find((e) => e.id === whole.id)!.body as string;
        expect(renderBody(storedWhole)).toBe(renderBody(whole.body));
        expect(storedWhole).toContain(`{{我改的名称|${renamed.text}}}`);
        for (const p of proposals.filter((p) => p.text !== person && p !== renamed && p.count > 0)) expect(storedWhole).toContain(`{{${p.name}|${p.text}}}`);
        expect(storedWhole).toContain(person);
        expect(storedWhole).not.toContain(`|${person}}}`);
        await closePage(page);
      });
    }
  });
}

/**
 * Files that test the import's limits, in the real options page: a zip bomb
 * whose central directory lies is refused in Chinese and the page stays
 * usable; Cancel during a slow (but legal) Word document stops the worker
 * and no preview of it ever comes; a report with a paragraph longer than one
 * entry may be says so in the preview and the rest is added; direction
 * controls are removed with a note and never reach the library.
 */
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const seedLines = readFileSync(new URL('../../data/seed-report.txt', import.meta.url), 'utf8').split('\n').filter((line) => line.trim() !== '');
const longSentence = '在理论学习上还存在不够深入、不够系统的问题，';
const longParagraph = longSentence.repeat(Math.ceil(665_000 / longSentence.length)).slice(0, 664_999) + '。';
const limitFiles = {
  'bomb.docx': () => zipBombDocx(300_000_000, 4096),
  // About 800 KB of text in 10 MB of markup, a run every few characters: legal, and many seconds to read.
  'slow.docx': () => heavyDocx(Array.from({ length: 100 }, (_, i) => seedLines.map((line) => (i === 0 ? line : `${line}（${i}）`))).flat(), 24),
  'long.txt': () => new TextEncoder().encode(`超长段落的党性分析报告\n一、存在的问题\n（一）学习方面\n${longParagraph}\n（二）作风方面\n工作作风不够扎实，调查研究不够深入。\n二、整改措施\n加强理论学习。`),
  'bidi.txt': () => new TextEncoder().encode(`方向控制符的党性分析报告\n一、存在的问题\n一是学习\u202e不够深入\u202c，二是作风\u2066不够扎实\u2069。\n二、整改措施\n加强学习。`),
};

for (const { name, launch } of browsers) {
  describe(`the import's limits in ${name}`, () => {
    let driver: BrowserDriver;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'bixia-e2e-limits-'));
      for (const [file, make] of Object.entries(limitFiles)) writeFileSync(join(dir, file), make());
      driver = await launch({ locale: 'zh-CN' });
    }, 120_000);
    afterAll(async () => {
      await driver?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const typeAndRead = async (page: AnyPage, value: string) => {
      await setValue(page, '#report-text', value);
      return evaluate(page, () => document.querySelector<HTMLTextAreaElement>('#report-text')!.value, undefined);
    };

    it('refuses a zip bomb dropped on the page in Chinese, and the page goes on working', async () => {
      const page = await driver.openExtensionPage('options.html#import');
      // Dropped on the import view, as a mouse user drops a file.
      await evaluate(
        page,
        ([base64, fileName]) => {
          const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], fileName));
          const view = document.querySelector('.import-view')!;
          view.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
          view.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        },
        [Buffer.from(readFileSync(join(dir, 'bomb.docx'))).toString('base64'), 'bomb.docx'] as const,
      );
      await waitFor(page, '[data-error-code="docx-too-large"]', 60_000);
      expect(await text(page, '[data-error-code="docx-too-large"]')).toMatch(/解压后.*MB.*损坏.*Word/);
      expect(await evaluate(page, () => document.querySelector('.reading'), undefined)).toBeNull();
      expect(await typeAndRead(page, '还能输入')).toBe('还能输入');
      expect(await evaluate(page, () => document.querySelector<HTMLInputElement>('input[name="report-file"]')!.disabled, undefined)).toBe(false);
      await closePage(page);
    });

    it('stops a slow Word document on Cancel: the worker ends, the page responds, no preview of it comes', async () => {
      const page = await driver.openExtensionPage('options.html#import');
      // Watches the page's workers (the test's own instrument, not the extension's).
      await evaluate(
        page,
        () => {
          const scope = window as unknown as { __workers: { terminated: boolean; answered: boolean }[] };
          scope.__workers = [];
          const Native = window.Worker;
          window.Worker = class extends Native {
            record = { terminated: false, answered: false };
            constructor(...args: ConstructorParameters<typeof Worker>) {
              super(...args);
              scope.__workers.push(this.record);
              this.addEventListener('message', () => (this.record.answered = true));
            }
            override terminate() {
              this.record.terminated = true;
              super.terminate();
            }
          };
        },
        undefined,
      );
      await chooseFile(page, 'input[type="file"][name="report-file"]', join(dir, 'slow.docx'));
      await waitFor(page, '[data-reading="parsing"]');
      await expect.poll(() => evaluate(page, () => (window as unknown as { __workers: unknown[] }).__workers.length, undefined), POLL).toBe(1);
      await click(page, '[data-action="cancel-reading"]');
      await expect.poll(() => evaluate(page, () => document.querySelector('.reading') === null, undefined), POLL).toBe(true);
      // Stopped before it answered: the work was cut short, not finished and thrown away.
      expect(await evaluate(page, () => (window as unknown as { __workers: object[] }).__workers[0], undefined)).toEqual({ terminated: true, answered: false });
      expect(await evaluate(page, () => document.querySelector('[data-import-preview]'), undefined)).toBeNull();
      expect(await evaluate(page, () => document.querySelector('[data-error-code]'), undefined)).toBeNull();
      // The page responds at once: a pasted report is read and previewed, and stays the one shown.
      expect(await typeAndRead(page, '粘贴的党性分析报告\n一、存在的问题\n学习不够深入。')).toContain('粘贴的');
      await click(page, '[data-action="parse-text"]');
      await waitFor(page, '[data-import-preview]');
      expect(await evaluate(page, () => document.querySelector<HTMLInputElement>('#collection-name')!.value, undefined)).toBe('粘贴的党性分析报告');
      await closePage(page);
    });

    it('says which paragraph is too long for one entry, leaves out what cannot be stored, and adds the rest', async () => {
      const page = await driver.openExtensionPage('options.html#import');
      await chooseFile(page, 'input[type="file"][name="report-file"]', join(dir, 'long.txt'));
      await waitFor(page, '[data-import-preview]', 60_000);
      const note = await text(page, '[data-note="refused"]');
      expect(note).toMatch(/第 \d+ 段（“在理论学习上.*”）有 665,000 字，超过单条上限 500,000 字/);
      expect(note).toContain('分成几段');
      const refused = await evaluate(page, () => Array.from(document.querySelectorAll('[data-refused-entry]'), (li) => li.getAttribute('data-refused-entry')!), undefined);
      expect(refused.length).toBeGreaterThan(0);
      await click(page, '[data-action="add-collection"]');
      await expect.poll(async () => (await storedLibrary(page)).collections.some((c) => c.name === '超长段落的党性分析报告'), POLL).toBe(true);
      const stored = (await storedLibrary(page)).collections.find((c) => c.name === '超长段落的党性分析报告')!;
      const ids = stored.entries.map((e) => e.id as string);
      for (const id of refused) expect(ids).not.toContain(id);
      expect(stored.entries.some((e) => String(e.body).includes('工作作风不够扎实'))).toBe(true);
      expect(await evaluate(page, () => document.querySelector('[data-error-code]'), undefined)).toBeNull();
      await closePage(page);
    });

    it('removes direction controls with a note in the preview, and stores none', async () => {
      const page = await driver.openExtensionPage('options.html#import');
      await chooseFile(page, 'input[type="file"][name="report-file"]', join(dir, 'bidi.txt'));
      await waitFor(page, '[data-import-preview]');
      expect(await text(page, '[data-note="removed-direction"]')).toContain('已删除 4 个不可见的文字方向控制符');
      expect(DIRECTION_CONTROLS.test(await text(page, '[data-body-pane]'))).toBe(false);
      await click(page, '[data-action="add-collection"]');
      await expect.poll(async () => (await storedLibrary(page)).collections.some((c) => c.name === '方向控制符的党性分析报告'), POLL).toBe(true);
      const stored = (await storedLibrary(page)).collections.find((c) => c.name === '方向控制符的党性分析报告')!;
      expect(stored.entries.length).toBeGreaterThan(0);
      expect(stored.entries.some((e) => DIRECTION_CONTROLS.test(JSON.stringify(e)))).toBe(false);
      expect(JSON.stringify(stored)).toContain('学习不够深入');
      await closePage(page);
    });
  });
}
