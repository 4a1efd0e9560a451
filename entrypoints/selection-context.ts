/**
 * What the user selected in this frame, for the right-click menu's 保存为短语 /
 * 保存为模板 (utils/context-menu.ts): the text with its line breaks, and the
 * text before it in the same field or page, from which the section it was
 * taken from is guessed (core/section-guess.ts). Loaded by the content script
 * only when the user chooses one of those items (utils/page/page-hooks.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { SelectionContext } from '../utils/messages';
import { deepActiveElement, fieldOf, isTextField } from '../utils/page/fields';
import { PAGE_HOOKS, type PageHooks } from '../utils/page/page-hooks';

/** Enough of what comes before to hold the headings above the selection. */
const BEFORE_CHARS = 20_000;

function selectionContext(hooks: PageHooks): SelectionContext | null {
  // A frame an editor wrote itself (CKEditor 4, classic TinyMCE) has no script of its own: its parent reads it.
  const remembered = hooks.field();
  const doc = remembered?.isConnected && remembered.ownerDocument !== document ? remembered.ownerDocument : document;
  const active = deepActiveElement(doc);
  const field = active && fieldOf(active);
  if (field && isTextField(field)) {
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? start;
    if (end <= start) return null;
    return { text: field.value.slice(start, end), before: field.value.slice(Math.max(0, start - BEFORE_CHARS), start) };
  }
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  // Within an editor, its own text: headings of the page around it are not the report's.
  const inside = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
  const prior = doc.createRange();
  prior.setStart(fieldOf(inside) ?? doc.body ?? doc.documentElement, 0);
  prior.setEnd(range.startContainer, range.startOffset);
  return { text: selection.toString(), before: prior.toString().slice(-BEFORE_CHARS) };
}

export default defineUnlistedScript(() => {
  const hooks = (globalThis as unknown as Record<string, PageHooks | undefined>)[PAGE_HOOKS];
  if (hooks) hooks.selection = () => selectionContext(hooks);
});
