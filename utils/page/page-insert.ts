/**
 * What a frame does when the background routes an insertion to it: check the
 * remembered field, give it focus and its caret back, insert, and say how it went.
 */
import type { InsertFailure, InsertResult, ProbeResult } from '../messages';
import { type Field, blockedReason, deepActiveElement, isTextField } from './fields';
import { type FocusMemory, restoreSelection } from './focus-memory';
import { insertIntoField } from './insert';
import { roomIn, textForField } from './insert/text-field';

const FOCUS_WAIT_MS = 2000;

export function probe(memory: FocusMemory, text: string): ProbeResult {
  const field = memory.field();
  if (!field) return { ok: false, reason: 'no-field' };
  if (!field.isConnected) return { ok: false, reason: 'gone' };
  const blocked = blockedReason(field);
  if (blocked) return { ok: false, reason: blocked };
  if (isTextField(field)) {
    const length = Array.from(textForField(field, text)).length;
    const room = roomIn(field);
    if (room < length) return { ok: true, room, length };
  }
  return { ok: true };
}

export async function insertRemembered(memory: FocusMemory, text: string, waitForFocus: boolean): Promise<InsertResult> {
  const checked = probe(memory, text);
  if (!checked.ok) return failed(checked.reason);
  const field = memory.field()!;
  const doc = field.ownerDocument;
  focusField(field);
  if (waitForFocus && !doc.hasFocus()) {
    await windowFocus(doc.defaultView!, FOCUS_WAIT_MS);
    focusField(field);
  }
  restoreSelection(field, memory.savedSelection());
  const result = await insertIntoField(field, text);
  if (!result.ok) return failed('refused');
  if (result.kept !== undefined) return { status: 'truncated', kept: result.kept };
  return { status: 'inserted' };
}

function failed(reason: InsertFailure): InsertResult {
  return { status: 'failed', reason };
}

/** Focus inside the field counts: a caret in a contenteditable paragraph is focus on its host. */
function focusField(field: Field): void {
  const active = deepActiveElement(field.ownerDocument);
  if (active === field || (active && field.contains(active))) return;
  field.focus({ preventScroll: true });
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
