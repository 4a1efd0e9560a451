import { useEffect, useRef } from 'preact/hooks';

interface Props {
  title: string;
  /** Said before the question: why it is asked again. */
  notice?: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  /** data-action of each button, for tests and support. */
  confirmAction: string;
  cancelAction: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question that must be answered before going on, as a modal <dialog>: the
 * browser keeps focus inside it and Esc cancels. The safe answer has focus.
 * Focus goes back to where it was when the dialog goes.
 */
export function ConfirmDialog({ title, notice, message, confirmLabel, cancelLabel, confirmAction, cancelAction, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    ref.current?.showModal();
    ref.current?.querySelector<HTMLButtonElement>(`[data-action="${cancelAction}"]`)?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="confirm"
      role="alertdialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      onCancel={(event) => {
        // Esc: the page decides, so the dialog and its state never disagree.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-title" class="confirm-title">
        {title}
      </h2>
      {notice && (
        <p class="note" data-confirm-notice>
          {notice}
        </p>
      )}
      <p id="confirm-message">{message}</p>
      <div class="confirm-actions">
        <button type="button" class="button" data-action={cancelAction} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" class="button button-danger" data-action={confirmAction} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
