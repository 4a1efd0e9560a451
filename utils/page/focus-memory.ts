/**
 * Remembers, for this frame, the last focused field and its selection. Opening
 * the popup or clicking in the side panel takes focus away from the page, and
 * some pages move the caret when they regain it; the saved selection puts it
 * back exactly where the user left it.
 *
 * Some editing frames never get a content script of their own: Chromium
 * injects none into an iframe whose src is a javascript: URL (Baidu UEditor
 * builds its editor that way). When focus leaves this document for a
 * same-origin child frame, this frame adopts the child's document and watches
 * it as its own; the background then routes to whichever frame reported last,
 * so the text still goes in once.
 */
import { type Field, fieldOf, isTextField, selectionFor } from './fields';

type SavedSelection = { start: number; end: number } | Range | null;

export interface FocusMemory {
  field(): Field | null;
  savedSelection(): SavedSelection;
}

export function rememberFocus(doc: Document, onFieldFocused: () => void, signal?: AbortSignal): FocusMemory {
  let last: WeakRef<Field> | null = null;
  let saved: SavedSelection = null;
  const watched = new WeakSet<Document>();

  const remember = (field: Field) => {
    const known = last?.deref();
    last = new WeakRef(field);
    if (known !== field) saved = null;
    onFieldFocused();
  };
  const onFocusIn = (event: FocusEvent) => {
    const field = fieldOf(event.composedPath()[0] ?? event.target);
    if (field) remember(field);
  };
  const onFocusOut = (event: FocusEvent) => {
    const field = last?.deref();
    const target = event.composedPath()[0] as Node | undefined;
    if (!field || !target || !(field === target || field.contains(target))) return;
    saved = captureSelection(field);
  };
  /** Focus went from a document into one of its iframes: adopt the frame if we may. */
  const onBlur = (event: FocusEvent) => {
    const owner = (event.target as Window).document;
    // Only a move into a child frame: when the whole window loses focus (the
    // popup opened), the frame that had the field keeps its own record.
    if (!owner.hasFocus()) return;
    const frame = owner.activeElement as HTMLIFrameElement | null;
    if (!frame || (frame.localName !== 'iframe' && frame.localName !== 'frame')) return;
    let child: Document | null = null;
    try {
      child = frame.contentDocument;
    } catch {
      return;
    }
    if (!child) return;
    watch(child);
    const field = fieldOf(child.activeElement);
    if (field) remember(field);
  };
  const watch = (target: Document) => {
    const listen = () => {
      // Adding the same listener twice is a no-op, so listening again is always safe.
      target.addEventListener('focusin', onFocusIn, { capture: true, signal });
      target.addEventListener('focusout', onFocusOut, { capture: true, signal });
      target.defaultView?.addEventListener('blur', onBlur, { signal });
    };
    listen();
    if (watched.has(target)) return;
    watched.add(target);
    // document.open() (UEditor and classic TinyMCE write their editing frame with
    // it) erases every listener of the document; the new <html> it brings is the
    // sign to listen again. Mutation observers survive it, and watching only the
    // document's own children costs nothing after the page has loaded.
    const observer = new MutationObserver(listen);
    observer.observe(target, { childList: true });
    signal?.addEventListener('abort', () => observer.disconnect());
  };
  watch(doc);

  return {
    field: () => last?.deref() ?? null,
    savedSelection: () => saved,
  };
}

function captureSelection(field: Field): SavedSelection {
  if (isTextField(field)) {
    return field.selectionStart === null ? null : { start: field.selectionStart, end: field.selectionEnd ?? field.selectionStart };
  }
  const selection = selectionFor(field);
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  return field.contains(range.commonAncestorContainer) ? range.cloneRange() : null;
}

/** Puts the caret back where it was when the field lost focus, if the page moved it. */
export function restoreSelection(field: Field, saved: SavedSelection): void {
  if (!saved) return;
  if (isTextField(field)) {
    if (isRange(saved)) return;
    const length = field.value.length;
    if (field.selectionStart !== saved.start || field.selectionEnd !== saved.end) {
      field.setSelectionRange(Math.min(saved.start, length), Math.min(saved.end, length));
    }
    return;
  }
  if (!isRange(saved) || !field.contains(saved.commonAncestorContainer)) return;
  const selection = selectionFor(field);
  if (!selection) return;
  const current = selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (current && field.contains(current.commonAncestorContainer) && sameRange(current, saved)) return;
  selection.removeAllRanges();
  selection.addRange(saved);
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.startContainer === b.startContainer &&
    a.startOffset === b.startOffset &&
    a.endContainer === b.endContainer &&
    a.endOffset === b.endOffset
  );
}

/** A Range from any frame (instanceof would fail for one from a child frame). */
function isRange(value: SavedSelection): value is Range {
  return value !== null && 'startContainer' in value;
}
