/**
 * Editors that expose an API to the page's own JavaScript and are best (or
 * only) reached through it: page-editors/ has one adapter per editor, each
 * finding the instance that owns the field through what the editor itself
 * exposes. Two phases (page-editors/index.ts): `first`, before the generic
 * strategies, for fields that are only an editor's input sink (a hidden
 * textarea) or a contenteditable an adapter may own; `fallback`, after a
 * paste nobody claimed, for contenteditable regions.
 *
 * The page answers "this editor now holds the text"; that is believed only
 * once the text shows where the user looks (shown-text.ts), except in a
 * document that is hidden, which draws nothing until it is shown again: the
 * editor's model, read back through its API, is all there is to go by then.
 * An editor that was found but did not take the text stops the engine: a
 * second way in could insert twice.
 */
import { pageScriptAccess } from '../../platform';
import { type Field, isTextField } from '../fields';
import { askBridge } from './bridge';
import { parseCaretReply, parseReply } from './bridge-channel';
import { caretOfPageEditor, insertThroughPageEditor, selectInPageEditor } from './page-editors';
import type { PageEditorReply, PageElement, PageWindow, PageWorld, Phase } from './page-editors/types';
import { isHiddenTextField, shownText, showsInserted } from './shown-text';
import { waitFor } from './text-check';
import type { InsertStrategy, StrategyResult } from './types';

declare function cloneInto<T>(value: T, target: object): T;

export function pageEditorStrategy(phase: Phase): InsertStrategy {
  return {
    name: `page-editor-${phase}`,
    handles: (field) => (phase === 'first' ? !isTextField(field) || isHiddenTextField(field) : !isTextField(field)),
    async insert(field: Field, text: string): Promise<StrategyResult> {
      const win = field.ownerDocument.defaultView;
      if (!win) return { ok: false };
      const before = shownText(field);
      const reply = await askPage(field, win, text, phase);
      if (!reply) return { ok: false, stop: true };
      if (!reply.found) return { ok: false };
      if (!reply.took) return { ok: false, stop: true };
      if (field.ownerDocument.visibilityState === 'hidden') return { ok: true };
      const shown = await waitFor(win, () => showsInserted(before, shownText(field), text));
      return shown ? { ok: true } : { ok: false, stop: true };
    },
  };
}

/** Firefox: the page's objects as the adapters see them, through Xray waivers. */
function waivedWorld(field: Field, win: Window): PageWorld {
  return {
    win: (win as unknown as { wrappedJSObject: PageWindow }).wrappedJSObject,
    field: (field as unknown as { wrappedJSObject: PageElement }).wrappedJSObject,
    toPage: <T extends object>(value: T): T => cloneInto(value, win),
  };
}

/** The page world's answer; null when the page did not answer as the bridge would. */
function askPage(field: Field, win: Window, text: string, phase: Phase): Promise<PageEditorReply | null> {
  if (pageScriptAccess === 'waiver') return Promise.resolve(insertThroughPageEditor(waivedWorld(field, win), text, phase));
  return askThroughBridge(field, text, phase);
}

/**
 * Typed shortcuts in an editor that types through a hidden field (CodeMirror 5, Monaco, Ace):
 * the text before its caret on the line, read through its API; null when no editor we can
 * ask owns the field, or text is selected.
 */
export async function textBeforePageCaret(field: Field, max: number): Promise<string | null> {
  const win = field.ownerDocument.defaultView;
  if (!win) return null;
  const reply = pageScriptAccess === 'waiver' ? caretOfPageEditor(waivedWorld(field, win), max) : parseCaretReply(await askBridge(field, { kind: 'caret', max }));
  return reply?.found ? reply.before : null;
}

/** Selects the typed trigger there (so the next insertion replaces it), or with '' puts the caret after it. */
export async function selectInPage(field: Field, typed: string): Promise<boolean> {
  const win = field.ownerDocument.defaultView;
  if (!win) return false;
  const reply = pageScriptAccess === 'waiver' ? selectInPageEditor(waivedWorld(field, win), typed) : parseReply(await askBridge(field, { kind: 'select', typed }));
  return reply?.found === true && reply.took;
}

/** Through the bridge script; no script means no page-side editor to ask (the generic strategies go on). */
async function askThroughBridge(field: Field, text: string, phase: Phase): Promise<PageEditorReply | null> {
  const detail = await askBridge(field, { kind: 'insert', text, phase });
  return detail === undefined ? { found: false } : parseReply(detail);
}
