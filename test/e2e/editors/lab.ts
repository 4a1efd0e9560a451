/**
 * window.lab, as each editor page exposes it (pages/common.js), and the ways
 * the tests use it. Functions passed to evaluate() are sent to the page as
 * source text, so they only use what is declared in them.
 */
import { expect } from 'vitest';
import { type AnyPage, type BrowserDriver, type WebTab, evaluate, press } from '../harness/driver';
import { READY } from '../harness/popup-driving';

export interface Lab {
  name: string;
  /** The model's paragraphs, read through the editor's API. */
  paras(): string[];
  /** Focuses the editor through its API. */
  focus(): void;
  /** Focuses the editor and puts the caret after 开头文字。, through its API. */
  place(): void;
}
export type LabWindow = { lab: Lab };

/** What every editor page starts with, and the text the caret is placed after (pages/common.js). */
export const LAB_INITIAL = '开头文字。结尾文字。';
export const LAB_HEAD = '开头文字。';

export const readParas = (page: AnyPage) => evaluate(page, () => (window as unknown as LabWindow).lab.paras(), undefined);
export const focusEditor = (page: AnyPage) => evaluate(page, () => (window as unknown as LabWindow).lab.focus(), undefined);

/**
 * Whether the document's caret is where the editor's model put it. Editors drawn by React or
 * kept in step by a throttle (Draft.js under createRoot, wangEditor) set the DOM selection a
 * render after their API call; keys typed before it land where the caret was. Editors that type
 * through a hidden textarea keep the caret in their model only, and are taken at their word.
 */
const caretInPlace = (page: AnyPage) =>
  evaluate(
    page,
    (head) => {
      let doc: Document = document;
      let active = doc.activeElement;
      while (active instanceof (doc.defaultView ?? window).HTMLIFrameElement) {
        const inner = (active as HTMLIFrameElement).contentDocument;
        if (!inner) return true;
        doc = inner;
        active = doc.activeElement;
      }
      if (!(active instanceof (doc.defaultView ?? window).HTMLElement) || !(active as HTMLElement).isContentEditable) return true;
      const selection = doc.getSelection();
      if (!selection || selection.rangeCount === 0 || !selection.isCollapsed || !selection.anchorNode) return false;
      const range = doc.createRange();
      range.setStart(active, 0);
      range.setEnd(selection.anchorNode, selection.anchorOffset);
      return range.toString().replace(/\uFEFF|\u200B/g, '').endsWith(head);
    },
    LAB_HEAD,
  );

/** Puts the caret after 开头文字。 through the editor's API, and waits until the page shows it there. */
export async function placeCaret(page: AnyPage): Promise<void> {
  await evaluate(page, () => (window as unknown as LabWindow).lab.place(), undefined);
  await expect.poll(() => caretInPlace(page), { timeout: 10_000, interval: 50 }).toBe(true);
  // What an editor defers to its next frame (a focus, a selection written back) is done before the first key.
  await evaluate(page, () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))), undefined);
}

/** Opens an editor page, checks its model is the initial one, and places the caret after 开头文字。. */
export async function openWithCaret(driver: BrowserDriver, url: string, opened: AnyPage[]): Promise<WebTab> {
  const tab = await driver.openWebPage(url, READY);
  opened.push(tab.page);
  expect(await readParas(tab.page), 'the initial model').toEqual([LAB_INITIAL]);
  await placeCaret(tab.page);
  return tab;
}

/** Whether the keyboard focus is in something editable, looking into frames and shadow roots. */
function editingHasFocus(): boolean {
  let doc: Document = document;
  for (;;) {
    let active = doc.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return false;
    if (active.localName === 'iframe' || active.localName === 'frame') {
      const inner = (active as HTMLIFrameElement).contentDocument;
      if (!inner) return false;
      doc = inner;
      continue;
    }
    return doc.designMode === 'on' || (active as HTMLElement).isContentEditable || active.localName === 'textarea' || active.localName === 'input';
  }
}

/**
 * Bixia takes a field only once the user clicked it or pressed a key in it
 * (focus set by script chooses nothing), so once the editor's API has the
 * caret in place, the caret is moved one character right and back, as a
 * user's keystrokes would. (Not Escape: ProseMirror's example keymap selects
 * the parent node with it.)
 */
export async function chooseByKey(page: AnyPage): Promise<void> {
  await expect.poll(() => evaluate(page, editingHasFocus, undefined), { timeout: 10_000, interval: 50 }).toBe(true);
  await press(page, 'ArrowRight');
  await press(page, 'ArrowLeft');
}
