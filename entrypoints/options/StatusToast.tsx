import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { STATUS_MS, UNDO_MS, status, undoLast } from './state';

/**
 * The page's one status line ([role="status"]), shown as a toast: what was
 * saved, imported or exported, and after a deletion the 撤销 button. It stays
 * while focus is inside it, so a keyboard user is never cut off mid-way.
 */
export function StatusToast() {
  const current = status.value;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!current) return;
    let timer: ReturnType<typeof setTimeout>;
    const expire = () => {
      if (ref.current?.contains(document.activeElement)) timer = setTimeout(expire, 2000);
      else if (status.value === current) status.value = null;
    };
    timer = setTimeout(expire, current.undo ? UNDO_MS : STATUS_MS);
    return () => clearTimeout(timer);
  }, [current]);

  return (
    // Always in the page, so screen readers hear each new message in it.
    <div ref={ref} class="toast-region" role="status" aria-live="polite">
      {current && (
        <div class="toast" data-tone={current.tone} key={current.serial}>
          <span class="toast-text">{current.text}</span>
          {current.undo && (
            <button type="button" class="button" data-action="undo" title="Ctrl+Z" onClick={() => void undoLast()}>
              {i18n.t('optUndo')}
            </button>
          )}
          <button type="button" class="toast-close" data-action="dismiss-status" aria-label={i18n.t('optClose')} onClick={() => (status.value = null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
