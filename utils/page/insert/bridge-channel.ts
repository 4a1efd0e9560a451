/**
 * The one-off conversation between the content script and the bridge script
 * it adds to a page (Chrome only, see platform.ts). The page sees all of it,
 * so it carries only the text that is going into the page's own editor anyway,
 * and the content script believes no answer it cannot check itself.
 *
 * The script element names a fresh channel; the content script fires the
 * request on the field (the bridge finds the field as the event's target),
 * and the bridge answers on the field before the request's dispatch returns.
 * Strings only: objects do not cross between Chrome's worlds.
 */
import type { Phase, PageEditorReply } from './page-editors/types';

export const BRIDGE_SCRIPT = 'editor-bridge.js';

export interface BridgeRequest {
  text: string;
  phase: Phase;
}

export const replyEventOf = (channel: string) => `${channel}:reply`;

export function parseRequest(detail: unknown): BridgeRequest | null {
  if (typeof detail !== 'string') return null;
  try {
    const value = JSON.parse(detail) as Partial<BridgeRequest>;
    if (typeof value.text !== 'string' || (value.phase !== 'first' && value.phase !== 'fallback')) return null;
    return { text: value.text, phase: value.phase };
  } catch {
    return null;
  }
}

/** The page's answer, or null when it is not one the bridge could have given. */
export function parseReply(detail: unknown): PageEditorReply | null {
  if (typeof detail !== 'string') return null;
  try {
    const value = JSON.parse(detail) as { found?: unknown; editor?: unknown; took?: unknown };
    if (value.found === false) return { found: false };
    if (value.found === true && typeof value.editor === 'string' && typeof value.took === 'boolean') {
      return { found: true, editor: value.editor, took: value.took };
    }
    return null;
  } catch {
    return null;
  }
}
