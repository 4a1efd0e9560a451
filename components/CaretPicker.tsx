import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { copyText } from '../utils/clipboard';
import { pageNotices } from '../utils/fallback-messages';
import type { InsertResult } from '../utils/messages';
import { showNotice } from '../utils/page/notice';
import { tellUser } from '../utils/page/tell-user';
import { PlaceholderForm } from './PlaceholderForm';
import { StatusBar } from './StatusBar';
import { SurfaceResults, SurfaceSearch } from './SurfaceResults';
import type { Entry } from '../core/library';
import type { Action, Outcome } from './deliver';
import { useEntrySurface } from './useEntrySurface';

const LIST_ID = 'picker-results';

interface Props {
  /** Puts the text into the user's field at the caret it had (the content script's insertion). */
  insert: (text: string) => Promise<InsertResult>;
  /**
   * Takes the picker out of the page; `giveBack`: the field gets the focus and the caret it
   * had, exactly (Esc, and before a copy the user will paste).
   */
  close: (giveBack: boolean) => void;
  /** The list is final (favourites and recent uses read): the host says so, for tests and styles. */
  onReady: () => void;
  /**
   * A typed shortcut's entry with blanks: the box opens on its form, and Esc there calls
   * `onLeave` (the trigger stays as typed) rather than going back to a list never shown.
   */
  asked?: { entry: Entry; onLeave: () => void };
}

/**
 * The picker at the caret: the popup's search, ranking and keys in a small box in the page
 * (entrypoints/caret-picker.tsx holds it in a shadow root). Enter inserts the selected entry
 * where the caret was, Ctrl+Enter copies it, Esc closes and gives the field its focus and
 * caret back untouched; an entry with blanks asks for them in the box first, Esc there goes
 * back to the list. The box closes once the focus leaves it.
 */
export function CaretPicker({ insert, close, onReady, asked }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const surface = useEntrySurface({
    mode: 'now',
    tabId: async () => undefined,
    deliver: async (text, action): Promise<Outcome> => {
      if (action === 'copy') {
        if (!(await copyText(text))) return { delivered: false, pending: false, message: i18n.t('copyFailed'), tone: 'error' };
        close(true);
        showNotice(document, { tone: 'note', text: i18n.t('copied') });
        return { delivered: false, pending: false, message: i18n.t('copied'), tone: 'success' };
      }
      // Out of the page first: the field takes the focus back for the insertion.
      close(false);
      const result = await insert(text);
      // The picker has gone: what went wrong is said in the page (the text copied), as after the popup.
      await tellUser(result, text, pageNotices());
      const delivered = result.status === 'inserted' || result.status === 'truncated';
      return { delivered, pending: false, message: '', tone: delivered ? 'success' : 'fallback' };
    },
    // The picker has closed by the time there is an outcome, but for a failed copy.
    onOutcome: () => false,
  });
  const { preferences, search, status, use, ready } = surface;

  useEffect(() => {
    if (!asked) inputRef.current?.focus();
  }, []);
  // The form asks with the values typed last time: it opens once they are read.
  const valuesRead = preferences.loaded.value;
  useEffect(() => {
    if (asked && valuesRead) use.use(asked.entry, 'insert');
  }, [valuesRead]);
  /** Enter pressed before the list was final, with the entry it was pressed on: done once it is. */
  const early = useRef<{ entry: Entry; action: Action } | null>(null);
  useEffect(() => {
    if (!ready) return;
    surface.firstScreenShown();
    onReady();
    const pending = early.current;
    early.current = null;
    if (pending) use.use(pending.entry, pending.action);
  }, [ready]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229 || event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  };
  const onEnter = (event: KeyboardEvent) => {
    const entry = search.current();
    if (!entry) return;
    const action: Action = event.ctrlKey || event.metaKey ? 'copy' : 'insert';
    if (ready) use.use(entry, action);
    else early.current = { entry, action };
  };
  /** The focus went out of the box (a click in the page, another window): it closes, the focus stays where it went. */
  const onFocusOut = (event: FocusEvent) => {
    const box = event.currentTarget as HTMLElement;
    const next = event.relatedTarget as Node | null;
    if (next && box.contains(next)) return;
    // A focus moved inside the box passes through nothing; one moved out lands somewhere within a task.
    setTimeout(() => {
      const root = box.getRootNode() as ShadowRoot;
      if (!root.activeElement || !box.contains(root.activeElement)) close(false);
    });
  };
  // A press on the box's background keeps the focus where it is (the search box or a form field).
  const onMouseDown = (event: MouseEvent) => {
    const target = event.target as HTMLElement;
    if (!target.closest('input, textarea, button, select, label')) event.preventDefault();
  };

  const form = use.form.value;
  return (
    <div
      class="picker"
      role="dialog"
      aria-label={i18n.t('pickerTitle')}
      data-ready={ready ? 'true' : undefined}
      onKeyDown={onKeyDown}
      onFocusOut={onFocusOut}
      onMouseDown={onMouseDown}
    >
      {asked && !form ? null : form ? (
        <PlaceholderForm
          entry={form.entry}
          placeholders={form.placeholders}
          remembered={preferences.values.value}
          onSubmit={use.submitForm}
          onCancel={() => {
            use.cancelForm();
            if (asked) asked.onLeave();
            else requestAnimationFrame(() => inputRef.current?.focus());
          }}
        />
      ) : (
        <>
          <SurfaceSearch surface={surface} listId={LIST_ID} inputRef={inputRef} onEnter={onEnter} />
          <SurfaceResults surface={surface} id={LIST_ID} onActivate={(entry) => ready && use.use(entry, 'insert')} />
          <p class="key-hints">
            <kbd>Enter</kbd> {i18n.t('insertAction')} · <kbd>Ctrl+Enter</kbd> {i18n.t('copyAction')} · <kbd>Esc</kbd> {i18n.t('pickerBack')}
          </p>
        </>
      )}
      {status.message.value && <StatusBar message={status.message} detail={status.detail} tone={status.tone} />}
    </div>
  );
}
