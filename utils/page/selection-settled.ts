/**
 * Editors that keep a selection of their own (Draft.js, Slate and the editors
 * built on it, such as wangEditor) take a new DOM selection from the
 * document's selectionchange event, which comes a task after the change. What
 * changes the selection and then inserts waits for it here: the typed-shortcut
 * matcher after selecting the trigger, the picker after giving the caret back.
 */
import { type Field, selectionFor } from './fields';

/** Resolves after the selectionchange the last selection change queued has been handled. */
export function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      // The editors' own listeners run in this dispatch; a task later they are through.
      setTimeout(resolve);
    };
    // A page that is not being rendered may hold the event back; the selection is set all the same.
    const timer = setTimeout(done, 200);
    doc.addEventListener('selectionchange', done);
  });
}

/**
 * Sets the field's selection anew, as it is, so that an editor which dropped its own when the
 * focus left (wangEditor) hears of it again, and resolves once that has been handled.
 */
export function reselect(field: Field): Promise<void> {
  const selection = selectionFor(field);
  if (!selection || selection.rangeCount === 0) return Promise.resolve();
  const range = selection.getRangeAt(0).cloneRange();
  selection.removeAllRanges();
  selection.addRange(range);
  return selectionSettled(field.ownerDocument);
}
