/**
 * Rich editors that keep their own model (ProseMirror and Tiptap, Quill,
 * CKEditor 5, TinyMCE, Lexical, Slate, Draft.js, CodeMirror 6, wangEditor,
 * and pages that handle paste themselves like UEditor) take text the way the
 * browser hands them a Ctrl+V: a `paste` event carrying text/plain and
 * text/html, then, if nobody cancelled it, a `beforeinput` of type
 * insertFromPaste (Slate and wangEditor only take that one). The editor then
 * inserts through its own model, so its content, undo stack and change
 * tracking stay right. Measured in both browsers: docs/research/rich-editors.md.
 *
 * - An editor that cancels either event has taken the insertion; the text must
 *   then appear (some editors update a moment later). If it does not, the
 *   engine stops: execCommand inside such an editor corrupts its model.
 * - A plain contenteditable cancels neither, and the next strategy inserts.
 * - Firefox delivers such events from a content script with empty data
 *   (Mozilla bug 1654724), so there they are built from the page's own
 *   constructors (wrappedJSObject, cloneInto).
 * - The HTML is the user's text escaped (one <p> per line when there are
 *   several; inline for one, so TinyMCE and wangEditor do not split the
 *   paragraph), behind the <meta charset> that real clipboard HTML carries
 *   (TinyMCE treats bare <p>s as plain text otherwise).
 */
import { isFirefox } from '../../platform';
import { type Field, isElement, isTextField, selectionFor } from '../fields';
import { askBridge } from './bridge';
import { parsePasteReply } from './bridge-channel';
import { withClockAhead } from './page-clock';
import { type PageWindow, windowsOf } from './page-editors/types';
import { type EventWorld, announceSelection, dispatchPaste } from './paste-dispatch';
import { escapeHtml, tookText, waitFor } from './text-check';
import type { InsertOptions, InsertStrategy, StrategyResult } from './types';

declare function cloneInto<T>(value: T, target: object, options?: { wrapReflectors?: boolean }): T;
declare function exportFunction<F extends (...args: never[]) => unknown>(fn: F, target: object): F;

export const pasteEventStrategy: InsertStrategy = {
  name: 'paste-event',
  handles: (field) => !isTextField(field),
  async insert(field: Field, text: string, options?: InsertOptions): Promise<StrategyResult> {
    const win = field.ownerDocument.defaultView;
    if (!win) return { ok: false };
    const before = field.textContent ?? '';
    // One line goes in as inline text, so it joins the paragraph at the caret;
    // several lines as paragraphs.
    const lines = text.split('\n');
    const body = lines.length === 1 ? escapeHtml(text) : lines.map((line) => `<p>${line ? escapeHtml(line) : '<br>'}</p>`).join('');
    const html = `<meta charset="utf-8">${body}`;
    const taken = await pasteInPage(win, caretElement(field), text, html, options?.apart === true);
    if (!taken) return { ok: false };
    const arrived = await waitFor(win, () => tookText(before, field.textContent ?? '', text));
    return arrived ? { ok: true } : { ok: false, stop: true };
  },
};

/** The element a real paste targets: the one holding the caret, inside the field. */
function caretElement(field: Field): Element {
  const node = selectionFor(field)?.anchorNode;
  const element = isElement(node) ? node : node?.parentElement;
  return element && field.contains(element) ? element : field;
}

/**
 * Dispatches the paste sequence on the target; true when the page's editor took it. `apart`:
 * with the page's clock moved past the editors' merge windows for the dispatch (page-clock.ts),
 * which in Chrome only a script in the page's own world can do; without that script the paste
 * goes as usual (the editor may then merge it with the typing before). The selection is shown
 * first to an editor that takes it from the event (paste-dispatch.ts announceSelection).
 */
async function pasteInPage(win: Window, target: Element, text: string, html: string, apart: boolean): Promise<boolean> {
  if (isFirefox) {
    const page = (win as unknown as { wrappedJSObject: PageWindow }).wrappedJSObject;
    const inPage = <T extends object>(value: T): T => cloneInto(value, win, { wrapReflectors: true });
    const on = (target as unknown as { wrappedJSObject: Element }).wrappedJSObject;
    const paste = () => dispatchPaste(page as unknown as EventWorld, inPage, on, text, html, apart);
    if (!apart) return paste();
    if (announceSelection(page as unknown as EventWorld, inPage, on)) await nextTask();
    return withClockAhead(windowsOf(page), (fn, w) => exportFunction(fn, w), paste);
  }
  if (apart) {
    if (announceSelection(win as unknown as EventWorld, (value) => value, target)) await nextTask();
    const reply = parsePasteReply(await askBridge(target, { kind: 'paste', text, html }));
    if (reply) return reply.taken;
  }
  return dispatchPaste(win as unknown as EventWorld, (value) => value, target, text, html, apart);
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve));
