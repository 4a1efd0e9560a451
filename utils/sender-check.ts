/**
 * Who may send the background which message. A content script runs in every
 * page, so a page that breaks into it (or a future bug in it) must not be able
 * to ask for insertions: `ui→background:*` messages come only from the
 * extension's own pages, `page→background:*` only from content scripts.
 *
 * What the browsers send: an extension page's `sender.url` is on the
 * extension's origin (Chrome adds `sender.origin`, Firefox does not). The
 * toolbar popup and the side panel or sidebar are in no tab, but an extension
 * page opened in a tab (popup.html?tab=…, as the end-to-end tests in both
 * browsers and a detached popup use it) comes with `sender.tab`. A content
 * script's `sender.url` is its frame's URL (about:blank included) and its
 * `sender.tab` is set. So the origin decides, not the tab.
 */

/** The parts of runtime.MessageSender the decision reads. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

export interface Self {
  /** runtime.id */
  id: string;
  /** runtime.getURL(''): the extension's origin with a trailing slash. */
  baseUrl: string;
}

function fromExtensionPage(sender: Sender, self: Self): boolean {
  if (sender.id !== self.id || !sender.url?.startsWith(self.baseUrl)) return false;
  // Chrome also names the origin; where it does, it must agree with the URL.
  return sender.origin === undefined || `${sender.origin}/` === self.baseUrl;
}

/** Whether a message of type `type` may be handled when it comes from `sender`. */
export function mayHandle(type: string, sender: Sender, self: Self): boolean {
  if (type.startsWith('ui→background:')) return fromExtensionPage(sender, self);
  if (type.startsWith('page→background:')) return sender.id === self.id && sender.tab != null && !fromExtensionPage(sender, self);
  return false;
}
