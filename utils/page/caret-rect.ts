/**
 * Where the caret is on screen, in the viewport of the field's own frame, so
 * the picker can open at it. Nothing here changes the field, its text or its
 * selection: a text field's caret is found on a copy of it laid out the same
 * way, out of sight in `scratch` (the picker's own shadow root, which the page
 * cannot see), for the time of one measurement.
 */
import { type Field, isTextField, selectionFor } from './fields';

export interface CaretBox {
  left: number;
  top: number;
  bottom: number;
}

/** The styles that decide where a text field's characters fall. */
const LAYOUT = [
  'boxSizing',
  'width',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontFamily',
  'fontSize',
  'fontStyle',
  'fontWeight',
  'fontVariant',
  'fontStretch',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'textIndent',
  'tabSize',
  'wordSpacing',
  'wordBreak',
  'overflowWrap',
  'direction',
] as const;

export function caretBox(field: Field, scratch: ParentNode): CaretBox {
  const box = isTextField(field) ? textFieldCaret(field, scratch) : editableCaret(field);
  if (box) return box;
  // No caret to measure (an empty line some browsers give no box): the field's top left.
  const rect = field.getBoundingClientRect();
  return { left: rect.left, top: rect.top, bottom: Math.min(rect.bottom, rect.top + 24) };
}

function editableCaret(field: Field): CaretBox | null {
  const selection = selectionFor(field);
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0).cloneRange();
  range.collapse(false);
  const rects = range.getClientRects();
  const rect = rects[rects.length - 1];
  if (rect && (rect.height > 0 || rect.width > 0)) return { left: rect.left, top: rect.top, bottom: rect.bottom };
  // A caret between elements, or in an empty paragraph: the box of the element it is in.
  const node = range.startContainer;
  const element = node.nodeType === Node.ELEMENT_NODE ? ((node as Element).childNodes[range.startOffset] as Element | undefined) ?? (node as Element) : node.parentElement;
  if (!element || !field.contains(element) || element.nodeType !== Node.ELEMENT_NODE) return null;
  const around = element.getBoundingClientRect();
  return around.height > 0 ? { left: around.left, top: around.top, bottom: around.bottom } : null;
}

function textFieldCaret(field: HTMLInputElement | HTMLTextAreaElement, scratch: ParentNode): CaretBox | null {
  const doc = field.ownerDocument;
  const view = doc.defaultView;
  const rect = field.getBoundingClientRect();
  // Editors that type through a hidden textarea keep it at their caret: its box is the answer.
  if (!view || rect.width < 4 || rect.height < 4) return { left: rect.left, top: rect.top, bottom: rect.bottom };
  const style = view.getComputedStyle(field);
  const copy = doc.createElement('div');
  const mirror = copy.style;
  for (const property of LAYOUT) mirror[property] = style[property];
  mirror.position = 'fixed';
  mirror.left = '0';
  mirror.top = '0';
  mirror.visibility = 'hidden';
  mirror.overflow = 'hidden';
  mirror.height = 'auto';
  mirror.whiteSpace = field.localName === 'textarea' ? 'pre-wrap' : 'pre';
  const end = field.selectionEnd ?? field.value.length;
  copy.textContent = field.value.slice(0, end);
  const mark = doc.createElement('span');
  // A character, so that the mark has a line box even at the end of a line.
  mark.textContent = '\u200b';
  copy.append(mark);
  scratch.append(copy);
  const left = mark.offsetLeft;
  const top = mark.offsetTop;
  const height = mark.offsetHeight;
  copy.remove();
  const x = Math.min(rect.right, rect.left + left - field.scrollLeft);
  const y = Math.min(rect.bottom - height, rect.top + top - field.scrollTop);
  return { left: x, top: Math.max(rect.top, y), bottom: Math.max(rect.top, y) + height };
}
