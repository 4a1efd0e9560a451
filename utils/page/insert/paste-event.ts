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
import { escapeHtml, tookText, waitFor } from './text-check';
import type { InsertStrategy, StrategyResult } from './types';

declare function cloneInto<T>(value: T, target: object, options?: { wrapReflectors?: boolean }): T;

type EventWorld = Pick<typeof globalThis, 'ClipboardEvent' | 'InputEvent' | 'DataTransfer'>;

export const pasteEventStrategy: InsertStrategy = {
  name: 'paste-event',
  handles: (field) => !isTextField(field),
  async insert(field: Field, text: string): Promise<StrategyResult> {
    const win = field.ownerDocument.defaultView;
    if (!win) return { ok: false };
    const before = field.textContent ?? '';
    // One line goes in as inline text, so it joins the paragraph at the caret;
    // several lines as paragraphs.
    const lines = text.split('\n');
    const body = lines.length === 1 ? escapeHtml(text) : lines.map((line) => `<p>${line ? escapeHtml(line) : '<br>'}</p>`).join('');
    const html = `<meta charset="utf-8">${body}`;
    const taken = dispatchPaste(win, caretElement(field), text, html);
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

/** Dispatches the paste sequence; true when the page's editor cancelled (took) one of its events. */
function dispatchPaste(win: Window, target: Element, text: string, html: string): boolean {
  const page = (isFirefox ? (win as unknown as { wrappedJSObject: EventWorld }).wrappedJSObject : win) as EventWorld;
  const inPage = <T extends object>(value: T): T => (isFirefox ? cloneInto(value, win, { wrapReflectors: true }) : value);
  const dispatchOn = (isFirefox ? (target as unknown as { wrappedJSObject: Element }).wrappedJSObject : target) as Element;

  const data = new page.DataTransfer();
  data.setData('text/plain', text);
  data.setData('text/html', html);
  const base = { bubbles: true, cancelable: true, composed: true };
  const paste = new page.ClipboardEvent('paste', inPage({ ...base, clipboardData: data }));
  // Chromium takes the data from the init dictionary; Firefox ignores it there
  // but lets the event's own clipboardData be filled.
  if (paste.clipboardData && paste.clipboardData.getData('text/plain') !== text) {
    paste.clipboardData.setData('text/plain', text);
    paste.clipboardData.setData('text/html', html);
  }
  if (!dispatchOn.dispatchEvent(paste)) return true;
  const beforeInput = new page.InputEvent('beforeinput', inPage({ ...base, inputType: 'insertFromPaste', dataTransfer: data }));
  return !dispatchOn.dispatchEvent(beforeInput);
}
