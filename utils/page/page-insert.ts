/**
 * What a frame does when the background routes an insertion to it: check the
 * remembered field, give it focus and its caret back, insert, and say how it went.
 */
import type { InsertFailure, InsertResult, ProbeResult } from '../messages';
import { type Field, blockedReason, focusField, isTextField } from './fields';
import { type FocusMemory, restoreSelection } from './focus-memory';
import { insertIntoField } from './insert';
import { roomIn, textForField } from './insert/text-field';
import { canBeSeen, showsInViewport, sightOf } from './visibility';

const FOCUS_WAIT_MS = 2000;
/** The viewport check answers on the next rendered frame; a page that is not rendered gets this long. */
const VIEWPORT_WAIT_MS = 1500;

/** Whether the field can take the text; the frame's own position on screen is checked by probe(). */
function check(memory: FocusMemory, text: string): ProbeResult {
  const field = memory.field();
  if (!field) return { ok: false, reason: 'no-field' };
  if (!field.isConnected) return { ok: false, reason: 'gone' };
  const sight = sightOf(field);
  if (!canBeSeen(sight)) return { ok: false, reason: 'hidden' };
  const blocked = blockedReason(field);
  if (blocked) return { ok: false, reason: blocked };
  if (isTextField(field)) {
    const length = Array.from(textForField(field, text)).length;
    const room = roomIn(field);
    if (room < length) return { ok: true, room, length };
  }
  return { ok: true };
}

/**
 * Asked before anything is inserted, while the popup or side panel is still
 * open to say what went wrong.
 */
export async function probe(memory: FocusMemory, text: string): Promise<ProbeResult> {
  const checked = check(memory, text);
  const field = memory.field();
  if (checked.ok && field && (await pushedOffScreen(field))) return { ok: false, reason: 'hidden' };
  return checked;
}

/**
 * A frame can be moved off the page with its size intact, which only the
 * viewport check sees. Not answering in time means the page is not being drawn
 * (a tab in the background); the size and style checks still hold then.
 */
async function pushedOffScreen(field: Field): Promise<boolean> {
  const win = field.ownerDocument.defaultView;
  if (!win || win.top === win) return false;
  const host = sightOf(field).host;
  return !host || (await showsInViewport(host, VIEWPORT_WAIT_MS)) === false;
}

export async function insertRemembered(memory: FocusMemory, text: string, waitForFocus: boolean): Promise<InsertResult> {
  const checked = check(memory, text);
  if (!checked.ok) return failed(checked.reason);
  const field = memory.field()!;
  const doc = field.ownerDocument;
  focusField(field);
  if (waitForFocus && !doc.hasFocus()) {
    await windowFocus(doc.defaultView!, FOCUS_WAIT_MS);
    focusField(field);
  }
  // Asked again now that the page is drawn: the probe may have run while it was not.
  if (await pushedOffScreen(field)) return failed('hidden');
  restoreSelection(field, memory.savedSelection());
  const result = await insertIntoField(field, text);
  if (!result.ok) return failed('refused');
  if (result.kept !== undefined) return { status: 'truncated', kept: result.kept };
  return { status: 'inserted' };
}

function failed(reason: InsertFailure): InsertResult {
  return { status: 'failed', reason };
}

function windowFocus(win: Window, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      win.removeEventListener('focus', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    win.addEventListener('focus', done);
  });
}
