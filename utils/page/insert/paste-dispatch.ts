/**
 * The simulated paste itself (paste-event.ts says why and how editors take it),
 * written for any world: the content script (Firefox hands it the page's own
 * constructors through Xray waivers) and the bridge script in the page's world
 * (Chrome, when the page's clock must be moved for it, page-clock.ts). So it
 * touches only the constructors and the target it is given.
 */

export type EventWorld = Pick<typeof globalThis, 'ClipboardEvent' | 'InputEvent' | 'DataTransfer'>;

/** Dispatches the paste sequence; true when the page's editor cancelled (took) one of its events. */
export function dispatchPaste(page: EventWorld, inPage: <T extends object>(value: T) => T, target: Element, text: string, html: string): boolean {
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
  const beforeInput = new page.InputEvent('beforeinput', inPage({ ...base, inputType: 'insertFromPaste', dataTransfer: data }));
  return !target.dispatchEvent(beforeInput);
}
