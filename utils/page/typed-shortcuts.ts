/**
 * Typed shortcuts in the page (issue 13): a trigger such as `;bl` typed in a
 * field becomes the text of the entry it names, through the same insertion
 * engine as the popup's, with the trigger selected first, so the editor's own
 * undo step is "trigger → text" and one Ctrl+Z gives the trigger back.
 *
 * This runs only in frames where a key was typed and the user has shortcuts
 * for the site: the content script loads it then (entrypoints/typed-shortcuts.ts)
 * with the table the first key was answered with (normalised trigger → text),
 * and it asks again only once what the table is made of changed. After that, a key
 * costs a set lookup unless it is the last character of some trigger; only
 * then, once the editor has taken the key (a task later), is the text before
 * the caret read and matched. Looks run one at a time, and a look asked for
 * before an expansion began is dropped: the keys it was for are in that
 * expansion (two looks, one at the matcher's start and one for the trigger's
 * last key, could otherwise both find the trigger while an editor that
 * renders late, such as Trix, still shows it, and expand it twice). Never while an input method composes, never in
 * a password or card field, never on paste, deletion or undo
 * (core/trigger-guard.ts); a composition is looked at once it is committed.
 */
import { isSecretField, mayEndTrigger } from '../../core/trigger-guard';
import { TRIGGER_MAX, type TriggerTable, normalizeTrigger, triggerAtCaret } from '../../core/triggers';
import type { AskedEntry, PageTriggers } from '../messages';
import type { PageCaret } from './page-hooks';
import { type Field, fieldOf, isTextField, selectionFor } from './fields';
import type { InsertOptions, StrategyResult } from './insert/types';
import { isHiddenTextField } from './insert/shown-text';
import { selectionSettled } from './selection-settled';

interface Table extends TriggerTable {
  texts: string[];
  /** The entries whose blanks are asked for first, by the same index. */
  asks: (AskedEntry | undefined)[];
  /** The last character of every trigger: a key that is none of them ends no trigger. */
  ends: Set<string>;
  until: number;
}

function tableOf({ pairs, until }: PageTriggers): Table {
  const byText = new Map<string, string>();
  const ends = new Set<string>();
  pairs.forEach(([normal], i) => {
    byText.set(normal, String(i));
    ends.add(normal.slice(-1));
  });
  const lengths = [...new Set(pairs.map(([normal]) => normal.length))].sort((a, b) => b - a);
  return { byText, lengths, texts: pairs.map(([, text]) => text), asks: pairs.map((pair) => pair[2]), ends, until };
}

/** The text just before a collapsed caret, and how to select the last `n` units of it (false: it could not). */
interface Caret {
  text: string;
  select(n: number): boolean | Promise<boolean>;
  collapse(): void;
}

/**
 * The caret of the field: a plain field's, a contenteditable's in the DOM, or, for an editor that
 * types through a hidden field (CodeMirror 5, Monaco, Ace), the one in its model, through its API.
 */
async function caretOf(field: Field, pageCaret: PageCaret | undefined): Promise<Caret | null> {
  if (isTextField(field) && isHiddenTextField(field)) {
    const text = pageCaret ? await pageCaret.before(field, TRIGGER_MAX * 2) : null;
    if (text === null || !pageCaret) return null;
    return {
      text,
      select: (n) => pageCaret.select(field, text.slice(-n)),
      collapse: () => void pageCaret.select(field, ''),
    };
  }
  if (isTextField(field)) {
    const end = field.selectionStart;
    if (end === null || end !== field.selectionEnd) return null;
    return {
      text: field.value.slice(Math.max(0, end - TRIGGER_MAX * 2), end),
      select: (n) => (field.setSelectionRange(end - n, end), true),
      collapse: () => field.setSelectionRange(field.selectionEnd, field.selectionEnd),
    };
  }
  const selection = selectionFor(field);
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  let node = selection.anchorNode;
  let offset = selection.anchorOffset;
  // A caret after a text node, between elements.
  if (node && node.nodeType !== Node.TEXT_NODE && offset > 0) {
    node = node.childNodes[offset - 1] ?? null;
    offset = (node as Text | null)?.length ?? 0;
  }
  if (!node || node.nodeType !== Node.TEXT_NODE || !field.contains(node)) return null;
  const text = node as Text;
  return {
    text: text.data.slice(0, offset),
    select: (n) => (selection.setBaseAndExtent(text, offset - n, text, offset), true),
    collapse: () => selection.collapseToEnd(),
  };
}

export function typedShortcuts(
  ask: () => Promise<PageTriggers | undefined>,
  insert: (field: Field, text: string, options?: InsertOptions) => Promise<StrategyResult>,
  /** Whether an input method is composing in the frame now (the content script follows it from the start). */
  composing: () => boolean,
  /** Asks for an entry's blanks in a form at the caret, the trigger selected; resolves false when no form could open. */
  askFor: (field: Field, entry: AskedEntry) => Promise<boolean>,
  /** Editors that type through a hidden field (CodeMirror 5, Monaco, Ace): their caret, through their API. */
  pageCaret?: PageCaret,
) {
  let table: Table | null = null;
  let asking: Promise<void> | null = null;
  /** One look at a time: a look that starts while an expansion is still going in would find the trigger again. */
  let looks: Promise<void> = Promise.resolve();
  /** Expansions begun: a look scheduled before the latest began is for keys that one took. */
  let expansions = 0;
  const load = () =>
    (asking ??= ask()
      .then((answer) => {
        if (answer) table = tableOf(answer);
      })
      .finally(() => (asking = null)));

  const expandIn = async (field: Field) => {
    // Looked at a task after the key, or once the table came: a composition may have begun since.
    // The table as it is now: one that changes meanwhile is for the next key.
    const current = table;
    if (composing() || !current) return;
    const caret = await caretOf(field, pageCaret);
    // Read through the page's editor a moment later: look at the composition again.
    const hit = caret && !composing() && triggerAtCaret(caret.text, current);
    if (!hit) return;
    // Looks scheduled before this one began were for the keys it takes (module comment).
    expansions += 1;
    if (!(await caret.select(hit.length))) return;
    // Editors that keep their own selection (Draft.js, Slate-based ones) take the new one from
    // the document's selectionchange event, which comes a task later: insert once it is through.
    if (!isTextField(field)) await selectionSettled(field.ownerDocument);
    const index = Number(hit.entryId);
    const asked = current.asks[index];
    // The form replaces the selected trigger once filled, or leaves it as typed on Esc.
    if (asked && (await askFor(field, asked))) return;
    // Apart: editors that merge changes close in time would fold it into the trigger's typing.
    const result = await insert(field, current.texts[index]!, { apart: true });
    // Refused: the trigger stays as typed, the caret after it.
    if (!result.ok) caret.collapse();
  };

  /** Fields never read: passwords, card numbers, codes. */
  const readable = (field: Field | null): field is Field => field !== null && !isSecretField(field as HTMLInputElement);
  /**
   * Looks at the field once the editor has taken the key and drawn it (editors built on React
   * render a task or two after the key, and may replace the text node the caret is in), with a
   * table that holds today.
   */
  const settled = (field: Field) => {
    const seen = expansions;
    requestAnimationFrame(() =>
      setTimeout(() => {
        looks = looks.then(() => (expansions === seen ? expandIn(field) : undefined)).catch(() => undefined);
      }),
    );
  };
  const later = (field: Field) => {
    if (table && Date.now() < table.until) settled(field);
    else void load().then(() => settled(field));
  };

  return {
    onTyping(event: Event) {
      if (!event.isTrusted) return;
      const typed = event as InputEvent;
      if (event.type === 'beforeinput' && !mayEndTrigger(typed)) return;
      const field = fieldOf(event.composedPath()[0] ?? event.target);
      if (!readable(field)) return;
      const data = typed.data;
      if (!table) return later(field);
      if (data && table.ends.has(normalizeTrigger(data.slice(-1)))) later(field);
    },
    /** The first look, with the table the frame's first key brought: the keys typed while this script was on its way. */
    start(field: Field | null, answer: PageTriggers | null = null) {
      if (answer) table = tableOf(answer);
      if (readable(field)) later(field);
      else void load();
    },
    forget() {
      table = null;
    },
  };
}
