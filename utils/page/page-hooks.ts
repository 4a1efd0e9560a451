/**
 * What the content script shares with the scripts it loads into its frame
 * only when they are needed (typed shortcuts: entrypoints/typed-shortcuts.ts;
 * the notice after a failed insertion: entrypoints/page-notice.ts; the picker
 * at the caret: entrypoints/caret-picker.tsx; the selection to save:
 * entrypoints/selection-context.ts; the insertion engine itself:
 * entrypoints/insert-engine.ts). It loads
 * them with import() from the extension (web-accessible, at a per-session
 * address in Chrome); they run in the extension's isolated world, so they
 * share its global object, which the page cannot see. Types and names only:
 * the content script carries none of their code.
 */
import type { Field } from './fields';
import type { AskedEntry, InsertResult, PageNotices, PageTriggers, ProbeResult, SelectionContext } from '../messages';
import type { FocusMemory } from './focus-memory';
import type { InsertOptions, StrategyResult } from './insert/types';

/** The scripts, as the extension serves them. */
export const SHORTCUT_SCRIPT = 'typed-shortcuts.js';
export const NOTICE_SCRIPT = 'page-notice.js';
export const PICKER_SCRIPT = 'caret-picker.js';
export const SELECTION_SCRIPT = 'selection-context.js';
export const ENGINE_SCRIPT = 'insert-engine.js';

export const PAGE_HOOKS = 'bixiaPageHooks';

/** The insertion engine, once loaded (entrypoints/insert-engine.ts). */
export interface InsertEngine {
  insert(field: Field, text: string, options?: InsertOptions): Promise<StrategyResult>;
  /** Into the remembered field, its focus and caret given back first (utils/page/page-insert.ts). */
  insertRemembered(text: string, waitForFocus: boolean): Promise<InsertResult>;
  probe(text: string): Promise<ProbeResult>;
  /** Typed shortcuts in editors that type through a hidden field (utils/page/insert/page-editor.ts). */
  pageCaret: PageCaret;
  /** Readies what an expansion in this field will need, so the first one comes as fast as the next. */
  prepare(field: Field): void;
}

/** The caret of an editor that types through a hidden field, through its page-side API. */
export interface PageCaret {
  /** The text before the caret on its line (at most `max` characters); null when none can be read. */
  before(field: Field, max: number): Promise<string | null>;
  /** Selects the `typed` text just before the caret; with '' puts the caret after a selection. Whether it did. */
  select(field: Field, typed: string): Promise<boolean>;
}

export interface PageHooks {
  /** The insertion engine, loaded on first use: one for the frame, whoever inserts. */
  insert(field: Field, text: string, options?: InsertOptions): Promise<StrategyResult>;
  /** The field the user chose and its caret (utils/page/focus-memory.ts). */
  memory: FocusMemory;
  /** Set by the engine script. */
  engine?: InsertEngine;
  /** The field of the last key typed before the matcher took over. */
  typedIn: Field | null;
  /** The table the frame's first key was answered with, for the matcher to start from. */
  triggers: PageTriggers | null;
  /** An input method is composing: its last beforeinput said so, and no compositionend came since. */
  composing: boolean;
  /** Set by the matcher: every `beforeinput` and `compositionend` from then on. */
  onTyping?: (event: Event) => void;
  /** Set by the matcher: what the table was made of changed. */
  onChanged?: () => void;
  /** The field the user last chose in this frame (utils/page/focus-memory.ts). */
  field(): Field | null;
  /** Gives that field the focus and the caret it had when it lost them. */
  giveBack(): void;
  /** Inserts into that field at the caret it had, as an insertion from the popup does. */
  insertHere(text: string): Promise<InsertResult>;
  /** Set by the selection script: the text selected in this frame and what comes before it, or null. */
  selection?: () => SelectionContext | null;
  /** Set by the picker script: opens the picker at the caret of the field the user is in. */
  openPicker?: () => void;
  /**
   * Set by the picker script: asks for an entry's blanks in the picker's form at the caret of
   * `field`, whose selection (a typed trigger) the filled text replaces; Esc leaves it as typed.
   */
  askAtCaret?: (field: Field, entry: AskedEntry) => boolean;
  /** Set by the notice script: says in the page what became of an insertion after the popup closed. */
  tellUser?: (result: InsertResult, text: string, notices: PageNotices) => Promise<void>;
}
