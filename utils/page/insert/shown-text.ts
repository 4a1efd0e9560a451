/**
 * Where the user sees a field's text, and whether an insertion shows there.
 *
 * Editors with a model of their own (CodeMirror 5, Monaco, Ace, and unknown
 * ones built the same way) take input through a textarea the user never
 * sees: opacity 0, a pixel or two wide, clipped, off the page, or with
 * transparent text. Such a textarea's value says nothing about the editor:
 * the editor may ignore it (it does while its page has no focus). What
 * counts is the text rendered around it, in the nearest ancestor big enough
 * to be what the user looks at.
 */
import { type Field, isElement, isTextField } from '../fields';

/** Smaller than this in either direction, a box shows no text to speak of (px). */
const UNSEEN_PX = 2;
/** An ancestor at least this big is the editor the user looks at (px): a line of text. */
const SIZEABLE = { width: 40, height: 14 };

/** Whether a text field is an input sink the user cannot see. */
export function isHiddenTextField(field: Field): boolean {
  if (!isTextField(field)) return false;
  const win = field.ownerDocument.defaultView;
  if (!win) return false;
  const style = win.getComputedStyle(field);
  if (style.clip !== 'auto' && style.clip !== '' && style.position === 'absolute') return true;
  if (style.clipPath !== 'none' && style.clipPath !== '') return true;
  if (/^rgba\(.*,\s*0\)$|^transparent$/.test(style.color)) return true;
  for (let el: Element | null = field; el; el = parentOf(el)) {
    if (win.getComputedStyle(el).opacity === '0') return true;
  }
  const box = visibleBox(field, win);
  return box.width <= UNSEEN_PX || box.height <= UNSEEN_PX;
}

/** The field's box as far as it lies on the page and inside every ancestor that clips it. */
function visibleBox(field: Element, win: Window): { width: number; height: number } {
  const rect = field.getBoundingClientRect();
  // Relative to the page, so a field merely scrolled out of view still counts as seen.
  let left = rect.left + win.scrollX;
  let top = rect.top + win.scrollY;
  let right = rect.right + win.scrollX;
  let bottom = rect.bottom + win.scrollY;
  left = Math.max(left, 0);
  top = Math.max(top, 0);
  for (let el = parentOf(field); el; el = parentOf(el)) {
    const style = win.getComputedStyle(el);
    // Only boxes that cut their content off; a scrolling box may just have scrolled the field away.
    if (!/hidden|clip/.test(style.overflowX + style.overflowY)) continue;
    const clip = el.getBoundingClientRect();
    left = Math.max(left, clip.left + win.scrollX);
    top = Math.max(top, clip.top + win.scrollY);
    right = Math.min(right, clip.right + win.scrollX);
    bottom = Math.min(bottom, clip.bottom + win.scrollY);
  }
  return { width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** The parent element, stepping out of a shadow root to its host. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode() as ShadowRoot;
  return isElement(root.host) ? root.host : null;
}

/**
 * The text where the user sees this field's content: the value of a visible
 * input or textarea, the rendered text of a hidden one's editor, the text of
 * a contenteditable region.
 */
export function shownText(field: Field): string {
  if (!isTextField(field)) return field.textContent ?? '';
  if (!isHiddenTextField(field)) return field.value;
  const view = editorViewOf(field);
  return view ? textOutside(view, field) : '';
}

/** The nearest ancestor big enough to show text: what the user looks at. */
function editorViewOf(field: Element): Element | null {
  for (let el = parentOf(field); el; el = parentOf(el)) {
    const rect = el.getBoundingClientRect();
    if (rect.width >= SIZEABLE.width && rect.height >= SIZEABLE.height) return el;
  }
  return null;
}

/** The view's text without the field's own (a textarea's default text is not what is shown). */
function textOutside(view: Element, field: Element): string {
  const doc = view.ownerDocument;
  const walker = doc.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!field.contains(node)) text += node.nodeValue ?? '';
  }
  return text;
}

/**
 * Whether the inserted text now shows where it did not before: its first or
 * last line (the caret ends after the last, so an editor that draws only what
 * is in view draws that) appears more often than it did, white space aside.
 */
export function showsInserted(before: string, after: string, text: string): boolean {
  if (after === before) return false;
  const squash = (s: string) => s.replace(/\s+/g, '');
  const lines = text.split('\n').map(squash).filter((line) => line !== '');
  const ends = [lines[0], lines[lines.length - 1]].filter((line): line is string => line !== undefined);
  const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
  const [was, now] = [squash(before), squash(after)];
  return ends.some((line) => count(now, line) > count(was, line));
}
