import { useT } from '../../i18n/preact';

export interface AlertProps {
  /** The way out the alert offers (ending the conversation / wrapping up); left out, no button. */
  onAction?: () => void;
}

/** "The customer has ended the conversation": nothing can be sent any more; wrap-up is next. */
export function CustomerEndedAlert({ onAction }: AlertProps) {
  const t = useT();
  return (
    <div class="lc-alert lc-alert-warning" role="alert" data-testid="customer-ended-alert">
      <p>{t('conversation:alerts.customerEnded')}</p>
      {onAction && (
        <button type="button" class="lc-button" onClick={onAction}>
          {t('conversation:alerts.wrapUp')}
        </button>
      )}
    </div>
  );
}

/** The customer stayed silent past the warning: the chat ended for inactivity, this agent's wrap-up is due. */
export function CustomerInactiveAlert({ onAction }: AlertProps) {
  const t = useT();
  return (
    <div class="lc-alert lc-alert-warning" role="alert" data-testid="customer-inactive-alert">
      <p>{t('conversation:alerts.customerInactive')}</p>
      {onAction && (
        <button type="button" class="lc-button" onClick={onAction}>
          {t('conversation:alerts.wrapUp')}
        </button>
      )}
    </div>
  );
}

/** The conversation was interrupted (its queue was deleted): it cannot go on, the agent must end it. */
export function InterruptedAlert({ onAction }: AlertProps) {
  const t = useT();
  return (
    <div class="lc-alert lc-alert-danger" role="alert" data-testid="interrupted-alert">
      <p>{t('conversation:alerts.interrupted')}</p>
      {onAction && (
        <button type="button" class="lc-button" onClick={onAction}>
          {t('conversation:alerts.end')}
        </button>
      )}
    </div>
  );
}

/** Any other error to show in the pane (a translated message), dismissible. */
export function ErrorBanner({ message, onDismiss }: { message: string; onDismiss?: () => void }) {
  const t = useT();
  return (
    <div class="lc-alert lc-alert-danger" role="alert" data-testid="error-banner">
      <p>{message}</p>
      {onDismiss && (
        <button type="button" class="lc-button" onClick={onDismiss}>
          {t('conversation:alerts.dismiss')}
        </button>
      )}
    </div>
  );
}
