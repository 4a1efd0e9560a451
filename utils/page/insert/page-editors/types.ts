/**
 * Editors that keep their model outside the DOM field, reached through the
 * API they expose to the page's own JavaScript. These modules run in the
 * page's world: in Chrome inside the injected bridge script
 * (entrypoints/editor-bridge.ts), in Firefox in the content script through
 * Xray waivers (wrappedJSObject). So they touch only page objects, never
 * `instanceof` or extension APIs, and hand the page nothing it did not ask for.
 */
import { escapeHtml } from '../text-check';

/** When an adapter is tried: before the generic strategies, or once the paste went unclaimed. */
export type Phase = 'first' | 'fallback';

/** The page's world as the adapters see it. */
export interface PageWorld {
  /** The field's own window, as page objects. */
  win: PageWindow;
  /** The field, as a page object. */
  field: PageElement;
  /** Makes a content-script value readable by page code (cloneInto in Firefox; the value itself in Chrome). */
  toPage<T extends object>(value: T): T;
}

/** What an adapter may look at on a page window: anything, unverified. */
export type PageWindow = Window & Record<string, unknown>;
export type PageElement = Element & Record<string, unknown>;

/** One editor instance that owns the field. */
export interface PageEditor {
  /** The editor's whole content as text, read through its API. */
  read(): string;
  /** Inserts the text at the editor's caret, through its API, as one undo step (replacing a selection). */
  insert(text: string): void;
  /**
   * For typed shortcuts in editors that type through a hidden field: the text just before a
   * collapsed caret on its line, at most `max` characters, or null when text is selected.
   */
  beforeCaret?(max: number): string | null;
  /** Selects the `n` characters just before the caret, which the next insert then replaces. */
  selectBefore?(n: number): void;
}

export interface PageEditorAdapter {
  name: string;
  phase: Phase;
  /** The editor instance that owns the field, found through what the editor itself exposes, or null. */
  find(world: PageWorld): PageEditor | null;
}

/** What the page world answers: no editor owns the field, or one does and took the text or not. */
export type PageEditorReply = { found: false } | { found: true; editor: string; took: boolean };

/** What the page world answers about the caret: no editor reads it, or the text before it (null: a selection). */
export type CaretReply = { found: false } | { found: true; before: string | null };

/** The windows an editor's global may live in: the field's own, then (for editing iframes) its parent's. */
export function windowsOf(win: PageWindow): PageWindow[] {
  const windows = [win];
  try {
    const parent = win.parent as PageWindow;
    // Reading a property throws when the parent is on another origin.
    if (parent && parent !== win && parent.document) windows.push(parent);
  } catch {
    // A cross-origin parent: its editors are out of reach, and not ours to drive.
  }
  return windows;
}

/** The elements of a page array or array-like, without iterators (Xray-wrapped arrays may lack them). */
export function listOf<T>(value: unknown): T[] {
  const list = value as { length?: unknown } | null | undefined;
  if (!list || typeof list.length !== 'number') return [];
  const items: T[] = [];
  for (let i = 0; i < list.length; i += 1) items.push((list as unknown as T[])[i]!);
  return items;
}

/** The values of a page object used as a map (CKEDITOR.instances, UE.instants). */
export function valuesOf<T>(value: unknown): T[] {
  if (!value || typeof value !== 'object') return [];
  const items: T[] = [];
  for (const key in value) items.push((value as Record<string, T>)[key]!);
  return items;
}

/** The user's text as HTML paragraphs for editors that insert HTML; every character escaped. */
export function paragraphsOf(text: string): string {
  const lines = text.split('\n');
  if (lines.length === 1) return escapeHtml(text);
  return lines.map((line) => `<p>${line ? escapeHtml(line) : '<br>'}</p>`).join('');
}
