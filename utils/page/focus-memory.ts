/**
 * Remembers, for this frame, the field the user last chose and its selection.
 * Opening the popup or clicking in the side panel takes focus away from the
 * page, and some pages move the caret when they regain it; the saved selection
 * puts it back exactly where the user left it.
 *
 * Only the user chooses: focus moved by a script (a page, or a hidden frame in
 * it, can call element.focus() at any time) is no choice. A field counts once
 * the user pressed a pointer on it or a key in it, or when focus reached it
 * while a trusted key or pointer was down (Tab, a click whose handler focuses
 * an editor's input), or when the key or pointer was released on it (the Tab
 * that moved focus into this frame was pressed in another). Modifier keys and
 * Alt/Meta chords are not typing: they are how the popup itself is opened.
 * Then, and only then, the frame reports.
 *
 * Some editing frames never get a content script of their own: Chromium
 * injects none into an iframe whose src is a javascript: URL (Baidu UEditor
 * builds its editor that way). When this window loses focus, its same-origin
 * child frames are adopted and watched as its own, so the release of the click
 * that went into one of them, or the keys typed there, still choose. A document
 * in design mode (KindEditor, eWebEditor) takes focus as a whole, with no
 * element to receive focusin; a pointer or key on it chooses its body.
 */
import { type Field, fieldOf, isTextField, selectionFor } from './fields';

type SavedSelection = { start: number; end: number } | Range | null;

export interface FocusMemory {
  field(): Field | null;
  savedSelection(): SavedSelection;
}

/** Keys that are not typing by themselves. */
const MODIFIERS = new Set(['Alt', 'AltGraph', 'Control', 'Meta', 'Shift', 'OS', 'Hyper', 'Super', 'Fn', 'CapsLock']);

/** Whether an event is the user's own hand on the page, as opposed to a script's. */
export function isUserAction(event: Event): boolean {
  if (!event.isTrusted) return false;
  if (event.type !== 'keydown' && event.type !== 'keyup') return true;
  const key = event as KeyboardEvent;
  return !MODIFIERS.has(key.key) && !key.altKey && !key.metaKey;
}

/** What the focus memory listens for, on the window in the capture phase; and `blur`, on the window itself. */
export const WATCHED_EVENTS = ['pointerdown', 'keydown', 'pointerup', 'keyup', 'focusin', 'focusout', 'beforeinput', 'compositionend'];

export interface FocusWatch extends FocusMemory {
  /** Handles one of WATCHED_EVENTS, or the window's own blur, heard by someone else's listener. */
  handle(event: Event): void;
}

/**
 * Listens on the window of `doc` (and of the frames it adopts) rather than on
 * the documents, and calls `onFieldChosen` when the user chooses a field.
 * `onTyping` hears every `beforeinput` and `compositionend` of the watched
 * documents, adopted frames included (typed shortcuts look at them).
 */
export function rememberFocus(doc: Document, onFieldChosen: () => void, signal?: AbortSignal, onTyping?: (event: Event) => void): FocusWatch {
  let last: WeakRef<Field> | null = null;
  let saved: SavedSelection = null;
  /** A trusted key or pointer is down: focus that moves now follows the user's hand. */
  let pressing = false;
  /** The background has heard of `last` since this frame last lost focus. */
  let reported = false;
  const watched = new WeakSet<Document>();

  const choose = (field: Field) => {
    const known = last?.deref();
    if (known === field && reported) return;
    last = new WeakRef(field);
    if (known !== field) saved = null;
    reported = true;
    onFieldChosen();
  };
  const chooseTarget = (event: Event) => {
    const field = fieldOf(event.composedPath()[0] ?? event.target);
    if (field) choose(field);
  };
  const onPress = (event: Event) => {
    if (!isUserAction(event)) return;
    pressing = true;
    chooseTarget(event);
  };
  const onRelease = (event: Event) => {
    pressing = false;
    // A release lands where the press moved the focus: a click into a frame adopted while it
    // was pressed (see onBlur), a Tab into a cross-origin frame, whose keydown this frame never saw.
    if (isUserAction(event)) chooseTarget(event);
  };
  const onFocusOut = (event: Event) => {
    const field = last?.deref();
    const target = event.composedPath()[0] as Node | undefined;
    if (!field || !target || !(field === target || field.contains(target))) return;
    saved = captureSelection(field);
  };
  /** The window lost focus: to the browser (the popup), or to one of its frames. */
  const onBlur = (event: Event) => {
    const byUser = pressing;
    pressing = false;
    reported = false;
    const owner = (event.target as Window).document;
    for (const frame of Array.from(owner.querySelectorAll<HTMLIFrameElement>('iframe, frame'))) {
      let child: Document | null = null;
      try {
        child = frame.contentDocument;
      } catch {
        // Cross-origin: that frame's own content script watches it.
      }
      if (!child) continue;
      watch(child);
      // Tab or a click moved focus into the frame: its focused field is the user's choice.
      const field = byUser && owner.activeElement === frame ? fieldOf(child.activeElement ?? child.documentElement) : null;
      if (field) choose(field);
    }
  };
  const handle = (event: Event) => {
    switch (event.type) {
      case 'pointerdown':
      case 'keydown':
        return onPress(event);
      case 'pointerup':
      case 'keyup':
        return onRelease(event);
      case 'focusin':
        if (pressing) chooseTarget(event);
        return;
      case 'focusout':
        return onFocusOut(event);
      case 'blur':
        return onBlur(event);
      default:
        onTyping?.(event);
    }
  };
  const watch = (target: Document) => {
    const view = target.defaultView;
    if (!view) return;
    const listen = () => {
      // Adding the same listener twice is a no-op, so listening again is always safe.
      const options = { capture: true, signal };
      for (const type of WATCHED_EVENTS) {
        if (onTyping || (type !== 'beforeinput' && type !== 'compositionend')) view.addEventListener(type, handle, options);
      }
      view.addEventListener('blur', handle, { signal });
    };
    listen();
    if (watched.has(target)) return;
    watched.add(target);
    // document.open() (UEditor and classic TinyMCE write their editing frame with
    // it) erases every listener of the document and its window; the new <html> it
    // brings is the sign to listen again. Mutation observers survive it, and
    // watching only the document's own children costs nothing after the page has loaded.
    const observer = new MutationObserver(listen);
    observer.observe(target, { childList: true });
    signal?.addEventListener('abort', () => observer.disconnect());
  };
  watch(doc);

  return {
    field: () => last?.deref() ?? null,
    savedSelection: () => saved,
    handle,
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
