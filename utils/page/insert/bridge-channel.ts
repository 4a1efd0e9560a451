/**
 * The conversation between the content script and the bridge script it adds
 * to a page (Chrome only, see platform.ts; kept per document, bridge.ts). The page sees all of it,
 * so it carries only the text that is going into the page's own editor anyway,
 * and the content script believes no answer it cannot check itself.
 *
 * The script element names a fresh channel; the content script fires the
 * request on the field (the bridge finds the field as the event's target),
 * and the bridge answers on the field before the request's dispatch returns.
 * Strings only: objects do not cross between Chrome's worlds.
 *
 * The requests: `insert` through an editor's page-side API (page-editors/);
 * `paste`, the simulated paste dispatched from the page's own world with its
 * clock moved past the editors' merge windows (page-clock.ts), for an
 * expansion that must be an undo step of its own; `caret` and `select`, the
 * text before the caret of an editor that types through a hidden field and
 * the selecting of a typed trigger there, for typed shortcuts.
 */
import type { CaretReply, Phase, PageEditorReply } from './page-editors/types';

export const BRIDGE_SCRIPT = 'editor-bridge.js';

export type BridgeRequest =
  | { kind: 'insert'; text: string; phase: Phase }
  | { kind: 'paste'; text: string; html: string }
  /** Typed shortcuts in editors that type through a hidden field (page-editors/index.ts). */
  | { kind: 'caret'; max: number }
  | { kind: 'select'; typed: string };

/** What the page answers to a paste: whether its editor cancelled (took) one of the events. */
export interface PasteReply {
  taken: boolean;
}

export const replyEventOf = (channel: string) => `${channel}:reply`;

function parsed(detail: unknown): Record<string, unknown> | null {
  if (typeof detail !== 'string') return null;
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function parseRequest(detail: unknown): BridgeRequest | null {
  const value = parsed(detail);
  if (!value) return null;
  if (value.kind === 'caret') return typeof value.max === 'number' && value.max > 0 ? { kind: 'caret', max: value.max } : null;
  if (value.kind === 'select') return typeof value.typed === 'string' ? { kind: 'select', typed: value.typed } : null;
  if (typeof value.text !== 'string') return null;
  if (value.kind === 'insert' && (value.phase === 'first' || value.phase === 'fallback')) {
    return { kind: 'insert', text: value.text, phase: value.phase };
  }
  if (value.kind === 'paste' && typeof value.html === 'string') return { kind: 'paste', text: value.text, html: value.html };
  return null;
}

/** The page's answer about the caret, or null. */
export function parseCaretReply(detail: unknown): CaretReply | null {
  const value = parsed(detail);
  if (!value) return null;
  if (value.found === false) return { found: false };
  if (value.found === true && (typeof value.before === 'string' || value.before === null)) return { found: true, before: value.before };
  return null;
}

/** The page's answer to an insert, or null when it is not one the bridge could have given. */
export function parseReply(detail: unknown): PageEditorReply | null {
  const value = parsed(detail);
  if (!value) return null;
  if (value.found === false) return { found: false };
  if (value.found === true && typeof value.editor === 'string' && typeof value.took === 'boolean') {
    return { found: true, editor: value.editor, took: value.took };
  }
  return null;
}

/** The page's answer to a paste, or null. */
export function parsePasteReply(detail: unknown): PasteReply | null {
  const value = parsed(detail);
  return value && typeof value.taken === 'boolean' ? { taken: value.taken } : null;
}
