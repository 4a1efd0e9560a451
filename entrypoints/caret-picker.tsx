/**
 * The picker at the caret (issue 13), loaded by the content script into the
 * frame of the user's field only when the keyboard command is used
 * (utils/page/page-hooks.ts), so no page carries it before. It opens a search
 * box at the caret in a closed shadow root of its own: the page's styles do
 * not reach it, the page's scripts cannot read it, and the content script's
 * focus and typing listeners see only its host, which is never a field
 * (utils/page/fields.ts, PICKER_TAG). Keys typed in it stop at the host, so
 * the page's own shortcuts do not fire while the user searches. A typed
 * shortcut whose entry has blanks opens the same box on its form
 * (utils/page/typed-shortcuts.ts), the trigger selected for the text to replace.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CaretPicker } from '../components/CaretPicker';
import pickerCss from '../components/picker.css?inline';
import themeCss from '../components/theme.css?inline';
import { caretBox } from '../utils/page/caret-rect';
import type { AskedEntry } from '../utils/messages';
import { type Field, PICKER_TAG, isTextField, selectionFor } from '../utils/page/fields';
import { reselect } from '../utils/page/selection-settled';
import { PAGE_HOOKS, type PageHooks } from '../utils/page/page-hooks';

/** The box's width and the most it is tall (components/picker.css), and its distance from the caret. */
const WIDTH = 380;
const HEIGHT = 380;
const GAP = 4;
/** Below this the box would show too few rows to choose from, and goes above the caret instead. */
const LEAST = 200;

/** Events that stay inside the picker: the page's key handlers and editors never see them. */
const KEPT_IN = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend', 'paste', 'copy', 'cut'];

/**
 * The theme is written for a page of its own: in the shadow root its document rules are the
 * box's, which holds everything the picker shows.
 */
const css = `${themeCss.replaceAll(':root', '.picker').replace(/(^|\n)body\s*\{/, '$1.picker {')}\n${pickerCss}`;
/**
 * The host's own style, inline and important, so no rule of the page reaches it (a page's
 * `[contenteditable]` or `* { … }` rules would otherwise frame or hide it); nothing inherits
 * into the box either.
 */
const HOST_STYLE = ['all: initial', 'position: fixed', 'z-index: 2147483647', 'display: block', `width: ${WIDTH}px`, 'max-width: calc(100vw - 16px)']
  .map((rule) => `${rule} !important`)
  .join('; ');

function styleRoot(root: ShadowRoot, doc: Document): void {
  // A constructed sheet is not subject to the page's Content-Security-Policy; an inline <style> may be.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // Firefox refuses a sheet made in the content script's world for a page's node.
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

export default defineUnlistedScript(() => {
  const hooks = (globalThis as unknown as Record<string, PageHooks | undefined>)[PAGE_HOOKS];
  if (!hooks) return;
  let open: { host: HTMLElement; root: ShadowRoot; quiet: () => void } | null = null;

  const close = (giveBack: boolean) => {
    if (!open) return;
    const { host, root, quiet } = open;
    open = null;
    render(null, root);
    host.remove();
    quiet();
    if (giveBack) hooks.giveBack();
  };

  /** Opens the box at the caret of `field`: the search, or the form for `asked`'s blanks. */
  const openAt = (field: Field, asked?: AskedEntry) => {
    close(false);
    const doc = field.ownerDocument;
    const view = doc.defaultView ?? window;
    const host = doc.createElement(PICKER_TAG);
    // In a document in design mode, everything is editable unless it says otherwise.
    if (doc.designMode === 'on') host.setAttribute('contenteditable', 'false');
    host.style.cssText = HOST_STYLE;
    host.setAttribute('lang', browser.i18n.getUILanguage());
    const root = host.attachShadow({ mode: 'closed' });
    styleRoot(root, doc);
    for (const type of KEPT_IN) host.addEventListener(type, (event) => event.stopPropagation());
    // Typing in the box moves a selection, and the document says so: editors that keep their own
    // selection (Slate, wangEditor) would drop theirs, and take it back only after a throttle,
    // too late for the insertion. While the box has the focus, the page does not hear of it.
    const hush = (event: Event) => {
      if (doc.activeElement === host) event.stopImmediatePropagation();
    };
    view.addEventListener('selectionchange', hush, { capture: true });
    const quiet = () => view.removeEventListener('selectionchange', hush, { capture: true });
    // Not in <body>: that is the field itself in framed editors (TinyMCE, CKEditor 4, KindEditor).
    doc.documentElement.append(host);
    const caret = caretBox(field, root);
    const below = view.innerHeight - caret.bottom - GAP;
    const above = caret.top - GAP;
    const downwards = below >= Math.min(HEIGHT, LEAST) || below >= above;
    const room = Math.max(120, Math.min(HEIGHT, downwards ? below : above) - GAP);
    host.style.setProperty('--picker-height', `${room}px`);
    const left = Math.max(GAP, Math.min(caret.left, view.innerWidth - Math.min(WIDTH, view.innerWidth - 16) - GAP));
    host.style.setProperty('left', `${left}px`, 'important');
    if (downwards) host.style.setProperty('top', `${caret.bottom + GAP}px`, 'important');
    else host.style.setProperty('bottom', `${view.innerHeight - caret.top + GAP}px`, 'important');
    open = { host, root, quiet };
    /** The caret back where it was, heard by editors that keep their own selection, then the text in. */
    const insert = async (text: string) => {
      hooks.giveBack();
      if (!isTextField(field)) await reselect(field);
      return hooks.insertHere(text);
    };
    /** Esc from the form of a typed trigger: the trigger stays as typed, the caret after it. */
    const leave = () => {
      close(true);
      if (isTextField(field)) field.setSelectionRange(field.selectionEnd, field.selectionEnd);
      else selectionFor(field)?.collapseToEnd();
    };
    render(
      <CaretPicker
        insert={insert}
        close={close}
        onReady={() => host.setAttribute('data-ready', 'true')}
        asked={asked && { entry: asked, onLeave: leave }}
      />,
      root,
    );
  };

  hooks.openPicker = () => {
    const field = hooks.field();
    if (field) openAt(field);
  };
  hooks.askAtCaret = (field, entry) => {
    // The form inserts through the field the content script remembers: the one typed in.
    if (hooks.field() !== field) return false;
    openAt(field, entry);
    return true;
  };
});
