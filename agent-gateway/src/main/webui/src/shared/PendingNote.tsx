import { useT } from '../i18n/preact';
import { pendingStatus, type PendingMessage } from './pendingMessages';
import { useNow } from './useNow';

/**
 * Under a message not acknowledged yet: "Sending…" or "Not sent yet, retrying in N s" (counting down), and Cancel.
 * A polite status, so a screen reader hears the state change without being interrupted.
 */
export function PendingNote({ message, onCancel, className }: { message: PendingMessage; onCancel(): void; className: string }) {
  const t = useT();
  const now = useNow();
  const status = pendingStatus(message, now);
  return (
    <p class={className}>
      <span role="status" data-testid="pending-status" data-state={status.key}>
        {status.key === 'sending'
          ? t('common:pendingMessage.sending')
          : t('common:pendingMessage.retrying', { seconds: String(status.seconds) })}
      </span>{' '}
      <button type="button" data-testid="pending-cancel" aria-label={t('common:pendingMessage.cancelLabel')} onClick={onCancel}>
        {t('common:pendingMessage.cancel')}
      </button>
    </p>
  );
}
