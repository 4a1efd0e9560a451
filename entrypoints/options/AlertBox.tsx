import { i18n } from '#i18n';
import type { AlertMessage } from './state';

/** An error the user must see: announced at once, with a code tests and support can read. */
export function AlertBox({ alert, onDismiss }: { alert: AlertMessage; onDismiss?: () => void }) {
  return (
    <div class="alert" role="alert" data-error-code={alert.code}>
      <span class="alert-text">{alert.message}</span>
      {onDismiss && (
        <button type="button" class="alert-close" data-action="dismiss-alert" aria-label={i18n.t('optClose')} onClick={onDismiss}>
          ×
        </button>
      )}
    </div>
  );
}
