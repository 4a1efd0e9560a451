/**
 * The simulated paste itself (paste-event.ts says why and how editors take it),
 * written for any world: the content script (Firefox hands it the page's own
 * constructors through Xray waivers) and the bridge script in the page's world
 * (Chrome, when the page's clock must be moved for it, page-clock.ts). So it
 * touches only the constructors and the target it is given.
 */

export type EventWorld = Pick<typeof globalThis, 'ClipboardEvent' | 'InputEvent' | 'DataTransfer' | 'StaticRange'>;

/**
 * Dispatches the paste sequence; true when the page's editor cancelled (took) one of its events.
 * `withRange`: the `beforeinput` carries the selection as its target range, as the browser's own
 * does, for editors that take their selection from it rather than from the document, whose
 * `selectionchange` they read only after a throttle (wangEditor): so a typed trigger just
 * selected is what the text replaces.
 */
export function dispatchPaste(
  page: EventWorld,
  inPage: <T extends object>(value: T) => T,
  target: Element,
  text: string,
  html: string,
  withRange = false,
): boolean {
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
  if (!target.dispatchEvent(paste)) return true;
  const ranges = withRange ? selectedRange(page, inPage, target) : [];
  const beforeInput = new page.InputEvent('beforeinput', inPage({ ...base, inputType: 'insertFromPaste', dataTransfer: data, targetRanges: ranges }));
  return !target.dispatchEvent(beforeInput);
}

/**
 * Shows an editor that takes its selection from the target ranges of `beforeinput` which text is
 * selected, in a `beforeinput` of no input type, which asks for nothing else; true when the
 * editor took it (cancelled it). Sent before an apart paste: wangEditor applies a target range as
 * a selection change and its history (an older slate-history) folds every change made in the
 * same tick into the step before, so the selection must be applied a task ahead of the paste,
 * or the expansion joins the typing of the trigger in one undo step.
 */
export function announceSelection(page: EventWorld, inPage: <T extends object>(value: T) => T, target: Element): boolean {
  const ranges = selectedRange(page, inPage, target);
  if (ranges.length === 0) return false;
  const announce = new page.InputEvent('beforeinput', inPage({ bubbles: true, cancelable: true, composed: true, inputType: '', targetRanges: ranges }));
  return !target.dispatchEvent(announce);
}

/** The document's selection as a static range, when it lies in the target's editing region. */
function selectedRange(page: EventWorld, inPage: <T extends object>(value: T) => T, target: Element): StaticRange[] {
  const selection = target.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return [];
  const range = selection.getRangeAt(0);
  const region = target.closest('[contenteditable]') ?? target;
  if (!region.contains(range.startContainer) || !region.contains(range.endContainer)) return [];
  const { startContainer, startOffset, endContainer, endOffset } = range;
  return [new page.StaticRange(inPage({ startContainer, startOffset, endContainer, endOffset }))];
}
