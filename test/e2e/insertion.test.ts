/**
 * End-to-end insertion tests (issue 3): a user puts the caret in a field of a
 * web page, opens the popup for that tab (popup.html?tab=<id>, as an ordinary
 * tab), types a Chinese query and presses Enter; the text must land exactly at
 * the caret, once, and one Ctrl+Z must take it out again. Where there is
 * nowhere to insert, the text must be on the clipboard and the popup must say so.
 *
 * The pages come from test/e2e/pages, served on 127.0.0.1 by a server started
 * here, with a second server (another host and port) for the cross-origin iframe.
 * Needs `npx wxt build && npx wxt build -b firefox` beforehand.
 */
import type { CDPSession, Frame as PlaywrightFrame, Page as PlaywrightPage } from 'playwright-core';
import type { Frame as PuppeteerFrame, Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderBody, listPlaceholders } from '../../core/placeholders';
import { readBuiltinCollection } from '../../scripts/builtin-library-plugin';
import { launchChromium } from './harness/chromium';
import { READY, checkTabId, pressClosing, tabIdFor } from './harness/popup-driving';
import { launchFirefox } from './harness/firefox';
import { startTestSite, type TestSite } from './pages/site';

/** The locale every browser runs in: the queries and messages below are Chinese. */
const LOCALE = 'zh-CN';
/** Polling, never fixed sleeps: answers come within a few hundred milliseconds, the limit is for loaded machines. */
const POLL = { timeout: 10_000, interval: 50 };

// ---------------------------------------------------------------------------
// What gets inserted: taken from the built-in library the extension is built
// from, so a change to the seed report cannot leave these tests behind.

const library = readBuiltinCollection().entries;

const PHRASE_QUERY = '说实话';
const PHRASE = '说实话、办实事、鼓实劲、求实效';
const phraseEntry = library.find((entry) => entry.kind === 'snippet' && entry.body === PHRASE);

const SECTION_QUERY = '主要差距不足';
const sectionEntry = library.find(
  (entry) => entry.kind === 'template' && entry.body.startsWith('一、主要差距不足\n一是创新思维能力还需进一步提升。'),
);
/** A template filled in with its defaults, which is what Enter on the form confirms. */
const SECTION = sectionEntry ? renderBody(sectionEntry.body) : '';
const SECTION_LINES = SECTION.split('\n');

// ---------------------------------------------------------------------------
// The fields of fields.html. A spec is sent into the page, so it is plain data.

interface FieldSpec {
  /** The field is inside the cross-origin iframe: run there, not in the top document. */
  crossOrigin?: true;
  /** Selector of the same-origin, about:blank or srcdoc iframe whose document holds the field. */
  frame?: string;
  /** Selector of the element whose open shadow root holds the field. */
  shadowHost?: string;
  selector: string;
}

/** Every field of fields.html; every test checks that the ones it did not target are untouched. */
const FIELDS = {
  textInput: { selector: '#text-input' },
  textarea: { selector: '#textarea' },
  contentEditable: { selector: '#ce' },
  plaintextOnly: { selector: '#ce-plain' },
  multiTextarea: { selector: '#textarea-multi' },
  multiContentEditable: { selector: '#ce-multi' },
  readOnly: { selector: '#readonly' },
  disabled: { selector: '#disabled' },
  maxLength: { selector: '#maxlength' },
  frameTextarea: { frame: '#same-frame', selector: '#frame-textarea' },
  frameContentEditable: { frame: '#same-frame', selector: '#frame-ce' },
  blankFrameBody: { frame: '#blank-frame', selector: 'body' },
  plainBlankFrameBody: { frame: '#blank-frame-plain', selector: 'body' },
  jsUrlFrameBody: { frame: '#js-frame', selector: 'body' },
  srcdocFrameBody: { frame: '#srcdoc-frame', selector: 'body' },
  crossOriginTextarea: { crossOrigin: true, selector: '#cross-textarea' },
  shadowInput: { shadowHost: '#shadow-host', selector: '#shadow-input' },
  shadowContentEditable: { shadowHost: '#shadow-host', selector: '#shadow-ce' },
} satisfies Record<string, FieldSpec>;

type FieldName = keyof typeof FIELDS;

/** Each of these holds 前半句，后半句。 and takes the phrase between the halves. */
const CARET_CASES: [where: string, field: FieldName][] = [
  ['an <input type=text>', 'textInput'],
  ['a <textarea>', 'textarea'],
  ['a contenteditable div', 'contentEditable'],
  ['a contenteditable="plaintext-only" div', 'plaintextOnly'],
  ['a textarea in a same-origin iframe', 'frameTextarea'],
  ['a contenteditable in a same-origin iframe', 'frameContentEditable'],
  ['the editable body of a script-made about:blank iframe', 'plainBlankFrameBody'],
  ['the editable body of an about:blank iframe rewritten by document.write (UEditor/TinyMCE style)', 'blankFrameBody'],
  ['the editable body of an iframe written by a javascript: URL (Baidu UEditor style)', 'jsUrlFrameBody'],
  ['the editable body of a srcdoc iframe', 'srcdocFrameBody'],
  ['a textarea in a cross-origin iframe', 'crossOriginTextarea'],
  ['an <input> in an open shadow root', 'shadowInput'],
  ['a contenteditable in an open shadow root', 'shadowContentEditable'],
];
const INITIAL = '前半句，后半句。';
const MIDDLE = '前半句，'.length;

type FieldRequest =
  | { op: 'read'; spec: FieldSpec }
  | { op: 'focus'; spec: FieldSpec }
  /** Focus the field, then select [start, end) of its text (a caret when equal). */
  | { op: 'select'; spec: FieldSpec; start: number; end: number }
  /** Focus the field, then put the caret at the start of its descendant `child` (an empty paragraph). */
  | { op: 'caretInto'; spec: FieldSpec; child: string };

interface FieldState {
  /** An input's or textarea's value; an editable element's textContent. */
  text: string;
  /**
   * For an editable element, its paragraphs as a reader sees them: one string
   * per block, a <br> inside a block as '\n', '' for an empty paragraph.
   */
  paragraphs: string[] | null;
  /** The field is its document's (or shadow root's) focused element and the document has focus. */
  focused: boolean;
}

/**
 * Runs in the page (the top document, or the cross-origin frame's): finds a
 * field, acts on it, and reports its state. Self-contained, because only its
 * source text reaches the page.
 */
function fieldOp(request: FieldRequest): FieldState {
  const { spec } = request;
  let doc: Document = document;
  if (spec.frame) {
    const inner = doc.querySelector<HTMLIFrameElement>(spec.frame)?.contentDocument;
    if (!inner) throw new Error(`no same-origin document in ${spec.frame}`);
    doc = inner;
  }
  let scope: Document | ShadowRoot = doc;
  if (spec.shadowHost) {
    const root = doc.querySelector(spec.shadowHost)?.shadowRoot;
    if (!root) throw new Error(`no open shadow root on ${spec.shadowHost}`);
    scope = root;
  }
  const field = scope.querySelector<HTMLElement>(spec.selector);
  if (!field) throw new Error(`no ${spec.selector}`);
  const win = doc.defaultView;
  if (!win) throw new Error('the document has no window');
  // instanceof would fail for fields of another frame (another realm).
  const control = field.tagName === 'INPUT' || field.tagName === 'TEXTAREA' ? (field as HTMLInputElement) : null;

  /** The DOM position `offset` characters into the field's text. */
  function pointAt(offset: number): [Node, number] {
    const walker = doc.createTreeWalker(field as Node, NodeFilter.SHOW_TEXT);
    let remaining = offset;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node as Text).data.length;
      if (remaining <= length) return [node, remaining];
      remaining -= length;
    }
    throw new Error(`offset ${offset} is beyond the text of ${spec.selector}`);
  }

  function select(range: Range): void {
    const selection = win?.getSelection();
    if (!selection) throw new Error('no selection object');
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function isBlock(element: Element): boolean {
    const display = win?.getComputedStyle(element).display ?? 'inline';
    return !display.startsWith('inline') && display !== 'contents' && display !== 'none';
  }

  function paragraphsOf(root: Node): string[] {
    const paragraphs: string[] = [];
    let current = '';
    let open = false;
    const end = () => {
      // A block's last <br> only keeps an empty line open; it is not a line of its own.
      if (open) paragraphs.push(current.endsWith('\n') ? current.slice(0, -1) : current);
      current = '';
      open = false;
    };
    const visit = (node: Node) => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === Node.TEXT_NODE) {
          const text = (child as Text).data;
          if (text) {
            current += text;
            open = true;
          }
        } else if (child.nodeType === Node.ELEMENT_NODE) {
          const element = child as Element;
          if (element.tagName === 'BR') {
            current += '\n';
            open = true;
          } else if (isBlock(element)) {
            end();
            visit(element);
            end();
          } else {
            visit(element);
          }
        }
      }
    };
    visit(root);
    end();
    return paragraphs;
  }

  switch (request.op) {
    case 'read':
      break;
    case 'focus':
      field.focus();
      break;
    case 'select': {
      field.focus();
      if (control) {
        control.setSelectionRange(request.start, request.end);
      } else {
        const range = doc.createRange();
        range.setStart(...pointAt(request.start));
        range.setEnd(...pointAt(request.end));
        select(range);
      }
      break;
    }
    case 'caretInto': {
      field.focus();
      const child = field.querySelector(request.child);
      if (!child) throw new Error(`no ${request.child} in ${spec.selector}`);
      const range = doc.createRange();
      range.setStart(child, 0);
      select(range);
      break;
    }
  }

  return {
    text: control ? control.value : (field.textContent ?? ''),
    paragraphs: control ? null : paragraphsOf(field),
    focused: scope.activeElement === field && doc.hasFocus(),
  };
}

/** Runs in the page: the text of every given field, in order. */
function readTexts(specs: FieldSpec[]): string[] {
  return specs.map((spec) => {
    let doc: Document = document;
    if (spec.frame) doc = document.querySelector<HTMLIFrameElement>(spec.frame)?.contentDocument ?? document;
    const scope: Document | ShadowRoot = (spec.shadowHost && doc.querySelector(spec.shadowHost)?.shadowRoot) || doc;
    const field = scope.querySelector<HTMLElement>(spec.selector);
    if (!field) return `<no ${spec.selector}>`;
    return field.tagName === 'INPUT' || field.tagName === 'TEXTAREA'
      ? (field as HTMLInputElement).value
      : (field.textContent ?? '');
  });
}

// ---------------------------------------------------------------------------
// The popup, read in one round trip.

interface PopupView {
  activeElementId: string | undefined;
  query: string | undefined;
  firstRow: { id: string; selected: boolean } | null;
  status: string;
  form: {
    focusInside: boolean;
    inputs: { label: string; value: string }[];
  } | null;
}

function readPopup(): PopupView {
  const row = document.querySelector('li.row[role="option"]');
  const form = document.querySelector('form.placeholder-form');
  return {
    activeElementId: document.activeElement?.id,
    query: document.querySelector<HTMLInputElement>('#search-input')?.value,
    firstRow: row
      ? { id: row.getAttribute('data-entry-id') ?? '', selected: row.getAttribute('aria-selected') === 'true' }
      : null,
    status: Array.from(document.querySelectorAll('[role="status"]'), (node) => node.textContent ?? '')
      .join(' ')
      .trim(),
    form: form
      ? {
          focusInside: form.contains(document.activeElement),
          inputs: Array.from(form.querySelectorAll('input'), (input) => ({
            label: (input.labels?.[0]?.textContent ?? input.getAttribute('aria-label') ?? '').trim(),
            value: input.value,
          })),
        }
      : null,
  };
}

// ---------------------------------------------------------------------------
// The same small surface over Playwright (Chromium) and Puppeteer (Firefox).

type Shortcut = 'Control+z' | 'Control+c' | 'Control+v' | 'Escape';

interface WebPage {
  tabId: number;
  /** Runs `fn(arg)` in the top document, or in the cross-origin iframe. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A, inCrossOriginFrame?: boolean): Promise<R>;
  /** Makes the tab the active one, as a user returning to it after the popup. */
  bringToFront(): Promise<void>;
  shortcut(keys: Shortcut): Promise<void>;
  close(): Promise<void>;
}

/** Chromium only: the input-method events that CDP can produce. */
interface ImeDriver {
  /** Starts or updates a composition showing `text` (the candidate about to be chosen). */
  compose(text: string): Promise<void>;
  /** The keydown a real IME sends for a key it consumes: keyCode 229, key "Process". */
  processKeyDown(code: string): Promise<void>;
  /** An ordinary Enter keypress (keydown, keypress, keyup) while the composition is active. */
  pressEnter(): Promise<void>;
  /** Commits `text`, ending the composition. */
  commit(text: string): Promise<void>;
  keyUp(key: string, code: string, keyCode: number): Promise<void>;
}

interface PopupPage {
  evaluate<R>(fn: () => R): Promise<R>;
  type(text: string): Promise<void>;
  press(key: 'Enter'): Promise<void>;
  isClosed(): Promise<boolean>;
  close(): Promise<void>;
  ime?: ImeDriver;
}

interface BrowserSession {
  openWebPage(path: string): Promise<WebPage>;
  openPopup(tabId: number): Promise<PopupPage>;
  close(): Promise<void>;
}

interface BrowserUnderTest {
  name: string;
  launch(site: TestSite): Promise<BrowserSession>;
}

/** Marks pages opened by the tests with a unique URL, to find their tab. */
let pageCounter = 0;
function uniqueUrl(site: TestSite, path: string): string {
  pageCounter += 1;
  return site.url(`${path}${path.includes('?') ? '&' : '?'}run=${pageCounter}`);
}

const browsers: BrowserUnderTest[] = [
  {
    name: 'Chromium',
    async launch(site) {
      const harness = await launchChromium({ locale: LOCALE });
      // An extension page kept open to ask the tabs API for tab ids.
      const control = await harness.openExtensionPage('popup.html');
      const crossFrame = (page: PlaywrightPage): PlaywrightFrame => {
        const frame = page.frames().find((f) => f.url().startsWith(`${site.crossOrigin}/`));
        if (!frame) throw new Error('the cross-origin iframe is missing');
        return frame;
      };
      return {
        async openWebPage(path) {
          const url = uniqueUrl(site, path);
          const page = await harness.context.newPage();
          await page.goto(url);
          await page.waitForSelector(READY);
          await page.bringToFront();
          const tabId = checkTabId(await control.evaluate(tabIdFor, url));
          return {
            tabId,
            evaluate: <A, R>(fn: (arg: A) => R, arg: A, inCrossOriginFrame?: boolean) =>
              // Playwright's types reshape the argument (Unboxed<A>); ours are plain data.
              (inCrossOriginFrame ? crossFrame(page) : page).evaluate(fn as (arg: unknown) => R, arg as unknown),
            bringToFront: () => page.bringToFront(),
            shortcut: (keys) => page.keyboard.press(keys),
            close: () => page.close(),
          };
        },
        async openPopup(tabId) {
          const page = await harness.openExtensionPage(`popup.html?tab=${tabId}`);
          let cdp: CDPSession | undefined;
          const session = async () => (cdp ??= await page.context().newCDPSession(page));
          const key = async (params: {
            type: 'rawKeyDown' | 'keyUp';
            key: string;
            code: string;
            windowsVirtualKeyCode: number;
            nativeVirtualKeyCode: number;
          }) => void (await (await session()).send('Input.dispatchKeyEvent', params));
          return {
            evaluate: (fn) => page.evaluate(fn),
            type: (text) => page.keyboard.type(text),
            press: (name) => pressClosing(() => page.keyboard.press(name), async () => page.isClosed()),
            isClosed: async () => page.isClosed(),
            close: () => page.close(),
            ime: {
              async compose(text) {
                await (await session()).send('Input.imeSetComposition', {
                  text,
                  selectionStart: text.length,
                  selectionEnd: text.length,
                });
              },
              processKeyDown: (code) =>
                key({ type: 'rawKeyDown', key: 'Process', code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 }),
              pressEnter: () => page.keyboard.press('Enter'),
              async commit(text) {
                await (await session()).send('Input.insertText', { text });
              },
              keyUp: (name, code, keyCode) =>
                key({ type: 'keyUp', key: name, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode }),
            },
          };
        },
        close: () => harness.close(),
      };
    },
  },
  {
    name: 'Firefox ESR',
    async launch(site) {
      const harness = await launchFirefox({ locale: LOCALE });
      const control = await harness.openExtensionPage('popup.html');
      const crossFrame = (page: PuppeteerPage): PuppeteerFrame => {
        const frame = page.frames().find((f) => f.url().startsWith(`${site.crossOrigin}/`));
        if (!frame) throw new Error('the cross-origin iframe is missing');
        return frame;
      };
      return {
        async openWebPage(path) {
          const url = uniqueUrl(site, path);
          const page = await harness.browser.newPage();
          await page.goto(url);
          await page.waitForSelector(READY);
          await page.bringToFront();
          const tabId = checkTabId((await control.evaluate(tabIdFor, url)) as number | string);
          return {
            tabId,
            // Puppeteer types the result as Awaited<R>; these functions are synchronous.
            evaluate: async <A, R>(fn: (arg: A) => R, arg: A, inCrossOriginFrame?: boolean) =>
              (await (inCrossOriginFrame ? crossFrame(page) : page).evaluate(fn as (arg: unknown) => R, arg)) as R,
            bringToFront: () => page.bringToFront(),
            async shortcut(keys) {
              if (keys === 'Escape') return page.keyboard.press(keys);
              const [modifier, name] = keys.split('+') as ['Control', 'z' | 'c' | 'v'];
              await page.keyboard.down(modifier);
              await page.keyboard.press(name);
              await page.keyboard.up(modifier);
            },
            close: () => page.close().catch(() => undefined),
          };
        },
        async openPopup(tabId) {
          const page = await harness.openExtensionPage(`popup.html?tab=${tabId}`);
          // Puppeteer does not notice a tab that the extension removed (the popup
          // closes its tab with tabs.remove), so ask the tab itself.
          const isClosed = async () => {
            if (page.isClosed()) return true;
            try {
              await page.evaluate(() => true);
              return false;
            } catch (error) {
              if (/no such frame|detached|closed/i.test(String(error))) return true;
              throw error;
            }
          };
          return {
            evaluate: async <R>(fn: () => R) => (await page.evaluate(fn)) as R,
            type: (text) => page.keyboard.type(text),
            press: (name) => pressClosing(() => page.keyboard.press(name), isClosed),
            isClosed,
            // The never-settling goto() (see the harness) can make close() reject.
            close: () => page.close().catch(() => undefined),
          };
        },
        close: () => harness.close(),
      };
    },
  },
];

// ---------------------------------------------------------------------------

it('finds the entries these tests insert in the built-in library', () => {
  expect(phraseEntry, `a snippet whose text is ${PHRASE}`).toBeDefined();
  expect(sectionEntry, 'the 一、主要差距不足 section template').toBeDefined();
  expect(SECTION_LINES).toHaveLength(4);
  expect(listPlaceholders(sectionEntry?.body ?? '').length).toBeGreaterThan(0);
});

for (const target of browsers) {
  describe(target.name, () => {
    // One browser per block: launching is most of the cost of a run.
    let site: TestSite | undefined;
    let session: BrowserSession | undefined;
    const opened: { close(): Promise<void> }[] = [];

    beforeAll(async () => {
      site = await startTestSite();
      session = await target.launch(site);
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((page) => page.close()));
    });

    afterAll(async () => {
      await session?.close();
      await site?.close();
    });

    const running = (): BrowserSession => {
      if (!session) throw new Error(`${target.name} did not start`);
      return session;
    };

    const openWebPage = async (path: string): Promise<WebPage> => {
      const page = await running().openWebPage(path);
      opened.push(page);
      return page;
    };

    /** fields.html, with its cross-origin iframe served from the second server. */
    const openFields = () => openWebPage(`fields.html?cross=${encodeURIComponent(site?.crossOrigin ?? '')}`);

    /**
     * Acts on a field as the user would: focus by script alone is no choice (Bixia
     * ignores it), so a key pressed in the field (Escape, which changes nothing)
     * makes it the user's field before the caret or selection is placed.
     */
    const field = async (page: WebPage, request: FieldRequest): Promise<FieldState> => {
      if (request.op !== 'read') {
        await page.evaluate(fieldOp, { op: 'focus', spec: request.spec }, request.spec.crossOrigin);
        await page.shortcut('Escape');
      }
      return page.evaluate(fieldOp, request, request.spec.crossOrigin);
    };

    /** The text of every field of fields.html, by name. */
    const snapshot = async (page: WebPage): Promise<Record<FieldName, string>> => {
      const entries = Object.entries(FIELDS) as [FieldName, FieldSpec][];
      const local = entries.filter(([, spec]) => !spec.crossOrigin);
      const remote = entries.filter(([, spec]) => spec.crossOrigin);
      const [localTexts, remoteTexts] = await Promise.all([
        page.evaluate(readTexts, local.map(([, spec]) => spec)),
        page.evaluate(readTexts, remote.map(([, spec]) => spec), true),
      ]);
      const texts = [...localTexts, ...remoteTexts];
      return Object.fromEntries([...local, ...remote].map(([name], index) => [name, texts[index] ?? ''])) as Record<
        FieldName,
        string
      >;
    };

    /** Opens the popup for the page's tab, checks it is ready for typing, types `query`. */
    const searchInPopup = async (page: WebPage, query: string, expectedFirstId: string): Promise<PopupPage> => {
      const popup = await running().openPopup(page.tabId);
      opened.push(popup);
      const view = await popup.evaluate(readPopup);
      expect(view.activeElementId, 'the search box has the focus').toBe('search-input');
      expect(view.firstRow?.selected, 'the first result is selected').toBe(true);
      await popup.type(query);
      await expect
        .poll(async () => (await popup.evaluate(readPopup)).firstRow, POLL)
        .toEqual({ id: expectedFirstId, selected: true });
      return popup;
    };

    /** What the popup is doing, for a poll that waits for it to close. */
    const popupState = async (popup: PopupPage): Promise<string> => {
      if (await popup.isClosed()) return 'closed';
      try {
        return `open, status: “${(await popup.evaluate(readPopup)).status}”`;
      } catch (error) {
        // The page may have gone away between the two checks.
        return (await popup.isClosed()) ? 'closed' : `unreadable: ${String(error)}`;
      }
    };

    /** The popup way to put the phrase into whatever the page's last focused field is. */
    const insertPhrase = async (page: WebPage): Promise<void> => {
      const popup = await searchInPopup(page, PHRASE_QUERY, phraseEntry?.id ?? '');
      await popup.press('Enter');
      await expect.poll(() => popupState(popup), POLL).toBe('closed');
    };

    /** The popup way to insert the section: Enter opens the form, Enter confirms its defaults. */
    const insertSection = async (page: WebPage): Promise<void> => {
      const popup = await searchInPopup(page, SECTION_QUERY, sectionEntry?.id ?? '');
      await popup.press('Enter');
      await expect.poll(async () => (await popup.evaluate(readPopup)).form !== null, POLL).toBe(true);
      const form = (await popup.evaluate(readPopup)).form;
      expect(form?.focusInside, 'the form has the keyboard focus').toBe(true);
      const placeholders = listPlaceholders(sectionEntry?.body ?? '');
      expect(form?.inputs.map((input) => input.value)).toEqual(placeholders.map((p) => p.defaultValue));
      for (const [index, placeholder] of placeholders.entries()) {
        expect(form?.inputs[index]?.label, 'each input is labelled with its placeholder').toContain(placeholder.name);
      }
      await popup.press('Enter');
      await expect.poll(() => popupState(popup), POLL).toBe('closed');
    };

    /** Ctrl+Z as a user presses it: back on the page, in the field. */
    const undo = async (page: WebPage, spec: FieldSpec): Promise<void> => {
      await page.bringToFront();
      await field(page, { op: 'focus', spec });
      await page.shortcut('Control+z');
    };

    /** Puts `text` on the clipboard with Ctrl+C, so a stale clipboard cannot pass for a fresh copy. */
    const writeClipboard = async (text: string): Promise<void> => {
      const scratch = await openWebPage('clipboard.html');
      await scratch.evaluate((value: string) => {
        const area = document.querySelector<HTMLTextAreaElement>('#scratch');
        if (!area) throw new Error('no #scratch');
        area.value = value;
        area.focus();
        area.select();
      }, text);
      await scratch.shortcut('Control+c');
      await scratch.close();
    };

    /** What Ctrl+V pastes, which is what the message tells the user to do. */
    const readClipboard = async (): Promise<string> => {
      const scratch = await openWebPage('clipboard.html');
      const readScratch = () =>
        scratch.evaluate(() => document.querySelector<HTMLTextAreaElement>('#scratch')?.value ?? '', undefined);
      await scratch.evaluate(() => document.querySelector<HTMLTextAreaElement>('#scratch')?.focus(), undefined);
      await scratch.shortcut('Control+v');
      await expect.poll(readScratch, POLL).not.toBe('');
      const pasted = await readScratch();
      await scratch.close();
      return pasted;
    };

    for (const [where, name] of CARET_CASES) {
      it(`inserts at the caret in ${where}; one Ctrl+Z restores it`, async () => {
        const spec: FieldSpec = FIELDS[name];
        const page = await openFields();
        const before = await snapshot(page);
        expect(before[name]).toBe(INITIAL);
        const placed = await field(page, { op: 'select', spec, start: MIDDLE, end: MIDDLE });
        expect(placed.focused, 'the test could focus the field').toBe(true);

        await insertPhrase(page);

        const expected = INITIAL.slice(0, MIDDLE) + PHRASE + INITIAL.slice(MIDDLE);
        await expect.poll(async () => (await field(page, { op: 'read', spec })).text, POLL).toBe(expected);
        // Exactly once, and only there: no other frame or field took it too.
        expect(await snapshot(page)).toEqual({ ...before, [name]: expected });

        await undo(page, spec);
        await expect.poll(async () => (await field(page, { op: 'read', spec })).text, POLL).toBe(INITIAL);
      });
    }

    for (const [where, name] of [
      ['an <input type=text>', 'textInput'],
      ['a <textarea>', 'textarea'],
      ['a contenteditable div', 'contentEditable'],
    ] satisfies [string, FieldName][]) {
      it(`replaces the selected text in ${where}; one Ctrl+Z brings it back`, async () => {
        const spec: FieldSpec = FIELDS[name];
        const page = await openFields();
        // Select 后半句 in 前半句，后半句。
        const [start, end] = [MIDDLE, MIDDLE + 3];
        await field(page, { op: 'select', spec, start, end });

        await insertPhrase(page);

        const expected = INITIAL.slice(0, start) + PHRASE + INITIAL.slice(end);
        await expect.poll(async () => (await field(page, { op: 'read', spec })).text, POLL).toBe(expected);

        await undo(page, spec);
        await expect.poll(async () => (await field(page, { op: 'read', spec })).text, POLL).toBe(INITIAL);
      });
    }

    it('puts a template with paragraphs into a textarea as lines; one Ctrl+Z removes them all', async () => {
      const spec = FIELDS.multiTextarea;
      const page = await openFields();
      const before = await snapshot(page);
      const initial = before.multiTextarea;
      expect(initial).toBe('前一段。\n\n后一段。');
      // The caret on the empty line between the two paragraphs.
      const caret = '前一段。\n'.length;
      await field(page, { op: 'select', spec, start: caret, end: caret });

      await insertSection(page);

      const expected = initial.slice(0, caret) + SECTION + initial.slice(caret);
      await expect.poll(async () => (await field(page, { op: 'read', spec })).text, POLL).toBe(expected);
      expect(await snapshot(page)).toEqual({ ...before, multiTextarea: expected });

      await undo(page, spec);
      await expect.poll(async () => (await field(page, { op: 'read', spec })).text, POLL).toBe(initial);
    });

    it('puts a template with paragraphs into a contenteditable as paragraphs; one Ctrl+Z removes them all', async () => {
      const spec = FIELDS.multiContentEditable;
      const page = await openFields();
      const initial = await field(page, { op: 'read', spec });
      expect(initial.paragraphs).toEqual(['前一段。', '', '后一段。']);
      // The caret in the empty paragraph, where a user would want the section.
      await field(page, { op: 'caretInto', spec, child: 'div:nth-child(2)' });

      await insertSection(page);

      // Each line its own paragraph: no <br>-joined lines, no blank paragraphs in between.
      await expect
        .poll(async () => (await field(page, { op: 'read', spec })).paragraphs, POLL)
        .toEqual(['前一段。', ...SECTION_LINES, '后一段。']);

      await undo(page, spec);
      await expect.poll(async () => (await field(page, { op: 'read', spec })).paragraphs, POLL).toEqual(initial.paragraphs);
    });

    for (const framework of ['React', 'Vue'] as const) {
      it(`updates the state of a ${framework}-controlled textarea`, async () => {
        const prefix = framework.toLowerCase();
        const page = await openWebPage(`${prefix}.html`);
        const spec: FieldSpec = { selector: `#${prefix}-field` };
        // What the framework holds, as it rendered it: not the DOM value of the field.
        const readState = () =>
          page.evaluate(
            (selector: string) => document.querySelector(selector)?.getAttribute('data-value'),
            `#${prefix}-state`,
          );
        expect(await readState()).toBe(INITIAL);
        await field(page, { op: 'select', spec, start: MIDDLE, end: MIDDLE });

        await insertPhrase(page);

        const expected = INITIAL.slice(0, MIDDLE) + PHRASE + INITIAL.slice(MIDDLE);
        await expect.poll(readState, POLL).toBe(expected);
        expect((await field(page, { op: 'read', spec })).text).toBe(expected);

        await undo(page, spec);
        await expect.poll(readState, POLL).toBe(INITIAL);
        expect((await field(page, { op: 'read', spec })).text).toBe(INITIAL);
      });
    }

    it('inserts only into the frame that had focus last', async () => {
      const page = await openFields();
      const before = await snapshot(page);
      // First the top page's input, then the cross-origin frame's textarea.
      await field(page, { op: 'select', spec: FIELDS.textInput, start: MIDDLE, end: MIDDLE });
      await field(page, { op: 'select', spec: FIELDS.crossOriginTextarea, start: MIDDLE, end: MIDDLE });

      await insertPhrase(page);

      const expected = INITIAL.slice(0, MIDDLE) + PHRASE + INITIAL.slice(MIDDLE);
      await expect.poll(async () => (await snapshot(page)).crossOriginTextarea, POLL).toBe(expected);
      expect(await snapshot(page)).toEqual({ ...before, crossOriginTextarea: expected });
    });

    it('asks before cutting a text to a maxlength, then keeps to it and says so', async () => {
      const spec = FIELDS.maxLength;
      const page = await openFields();
      const initial = (await field(page, { op: 'read', spec })).text;
      expect(initial).toBe('前半句后半');
      await field(page, { op: 'select', spec, start: 2, end: 2 });

      const popup = await searchInPopup(page, PHRASE_QUERY, phraseEntry?.id ?? '');
      await popup.press('Enter');
      // Room for 5 of the phrase's 15 characters: the popup says so and inserts nothing yet.
      await expect.poll(() => popupState(popup), POLL).toMatch(/^open, status: “.*5 个字.*15 个字.*Enter.*”$/);
      expect((await field(page, { op: 'read', spec })).text).toBe(initial);

      // Enter again agrees to insert what fits.
      await popup.press('Enter');
      await expect.poll(() => popupState(popup), POLL).toBe('closed');
      const expected = `前半${PHRASE.slice(0, 5)}句后半`;
      await expect.poll(async () => (await field(page, { op: 'read', spec })).text, POLL).toBe(expected);
      // With the popup gone, the page itself tells the user the text was cut.
      await expect
        .poll(
          () =>
            page.evaluate(
              () => {
                const box = document.querySelector('bixia-notice')?.shadowRoot?.querySelector('[data-tone]');
                return `${box?.getAttribute('data-tone')}: ${box?.textContent ?? ''}`;
              },
              undefined,
            ),
          POLL,
        )
        .toMatch(/^note: .*只插入了前 5 个字/);
    });

    /** Checks the clipboard fallback: the popup stays open, says so, and the phrase is on the clipboard. */
    const expectCopiedInstead = async (page: WebPage, why: string): Promise<void> => {
      const before = await snapshot(page);
      const popup = await searchInPopup(page, PHRASE_QUERY, phraseEntry?.id ?? '');
      await popup.press('Enter');
      await expect.poll(() => popupState(popup), POLL).toMatch(new RegExp(`^open, status: “⚠未插入，文字已复制到剪贴板${why}.*按 Ctrl\\+V 粘贴。”$`));
      // A fallback never looks like a success: its own tone, never the success one.
      expect(await popup.evaluate(() => document.querySelector('[role="status"]')?.getAttribute('data-tone'))).toBe('fallback');
      expect(await snapshot(page), 'no field changed').toEqual(before);
      expect(await readClipboard()).toBe(PHRASE);
    };

    it('copies to the clipboard and says so when no field has focus', async () => {
      await writeClipboard('(剪贴板上原有的内容)');
      const page = await openFields();
      expect(await page.evaluate(() => document.activeElement === document.body, undefined)).toBe(true);
      await expectCopiedInstead(page, '没有找到您点过或输入过的输入框');
    });

    it('copies to the clipboard and says so when the focused field is read-only', async () => {
      await writeClipboard('(剪贴板上原有的内容)');
      const page = await openFields();
      const placed = await field(page, { op: 'select', spec: FIELDS.readOnly, start: 2, end: 2 });
      expect(placed.focused).toBe(true);
      await expectCopiedInstead(page, '这个输入框是只读的');
    });

    it('copies to the clipboard and says so when the page disabled the field after the user focused it', async () => {
      await writeClipboard('(剪贴板上原有的内容)');
      const page = await openFields();
      // A disabled field cannot take focus, so the page disables it after the fact (a form locking itself).
      await page.evaluate(() => {
        const area = document.querySelector<HTMLTextAreaElement>('#disabled');
        if (!area) throw new Error('no #disabled');
        area.disabled = false;
        area.focus();
      }, undefined);
      await page.shortcut('Escape');
      await page.evaluate(() => {
        const area = document.querySelector<HTMLTextAreaElement>('#disabled');
        if (!area) throw new Error('no #disabled');
        area.setSelectionRange(2, 2);
        area.disabled = true;
      }, undefined);
      await expectCopiedInstead(page, '这个输入框已停用');
    });

    if (target.name === 'Chromium') {
      /**
       * A Chinese input method shows the candidate 说实话 as a composition in
       * the search box; the Enter that picks it belongs to the input method.
       * Chromium's CDP makes the composition (Input.imeSetComposition) and the
       * commit (Input.insertText); the Enter is sent two ways, as IMEs do on
       * different systems. Firefox has no such protocol, so this is Chromium only.
       */
      const imeCases: [string, (ime: ImeDriver) => Promise<void>][] = [
        [
          'a keydown the IME consumed (keyCode 229, key "Process")',
          async (ime) => {
            await ime.processKeyDown('Enter');
            await ime.commit(PHRASE_QUERY);
            await ime.keyUp('Enter', 'Enter', 13);
          },
        ],
        [
          'an Enter keydown while composing (isComposing)',
          async (ime) => {
            await ime.pressEnter();
            await ime.commit(PHRASE_QUERY);
          },
        ],
      ];
      for (const [how, enterOnCandidate] of imeCases) {
        it(`an Enter that confirms an input-method candidate inserts nothing: ${how}`, async () => {
          const spec = FIELDS.textarea;
          const page = await openFields();
          await field(page, { op: 'select', spec, start: MIDDLE, end: MIDDLE });
          const popup = await running().openPopup(page.tabId);
          opened.push(popup);
          const ime = popup.ime;
          if (!ime) throw new Error('no IME driver');
          // Records the Enter keydowns, to prove the simulation is what the popup saw.
          await popup.evaluate(() => {
            const log: { key: string; keyCode: number; isComposing: boolean }[] = [];
            (window as unknown as { enterLog: typeof log }).enterLog = log;
            window.addEventListener(
              'keydown',
              (event) => {
                if (event.code === 'Enter') log.push({ key: event.key, keyCode: event.keyCode, isComposing: event.isComposing });
              },
              true,
            );
          });

          await ime.compose(PHRASE_QUERY);
          await enterOnCandidate(ime);

          const log = await popup.evaluate(
            () => (window as unknown as { enterLog: { key: string; keyCode: number; isComposing: boolean }[] }).enterLog,
          );
          expect(log.length, 'the popup saw an Enter keydown').toBeGreaterThan(0);
          expect(log.every((event) => event.isComposing || event.keyCode === 229)).toBe(true);
          // The committed candidate is the query, and the popup is still there to use it.
          await expect
            .poll(async () => (await popup.evaluate(readPopup)).firstRow, POLL)
            .toEqual({ id: phraseEntry?.id ?? '', selected: true });
          const view = await popup.evaluate(readPopup);
          expect(view.query).toBe(PHRASE_QUERY);
          expect(await popup.isClosed()).toBe(false);
          expect((await field(page, { op: 'read', spec })).text).toBe(INITIAL);

          // Only now does a real Enter insert, once: the candidate's Enter left nothing behind.
          await popup.press('Enter');
          await expect.poll(() => popupState(popup), POLL).toBe('closed');
          await expect
            .poll(async () => (await field(page, { op: 'read', spec })).text, POLL)
            .toBe(INITIAL.slice(0, MIDDLE) + PHRASE + INITIAL.slice(MIDDLE));
        });
      }
    }
  });
}
