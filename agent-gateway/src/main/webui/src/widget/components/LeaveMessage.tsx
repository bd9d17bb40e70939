import { useState } from 'preact/hooks';
import { useT } from '../../i18n/preact';
import { ApiError } from '../api';
import { offlineErrorKey, type OfflineValues } from '../offline';
import { OfflineForm } from './OfflineForm';

interface Props {
  /** What the customer gave for the chat that ended (name, e-mail), to prefill the form. */
  initial: Partial<OfflineValues>;
  /** Sends the message as a new chat of the same queue (`POST /api/chats` with `offline: true`). */
  onSend(values: OfflineValues): Promise<void>;
}

/**
 * After the queue's maximum wait ended the chat (issue 14): the offer to leave a message instead, then the message
 * form (prefilled with what the customer already told) and its confirmation. The message waits in the queue, never
 * ended by the maximum wait, until an agent is free.
 */
export function LeaveMessage({ initial, onSend }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  if (!open) {
    return (
      <section class="leave-message" data-testid="leave-message">
        <p>{t('leaveMessage.offer')}</p>
        <button type="button" class="primary" data-testid="leave-message-open" onClick={() => setOpen(true)}>
          {t('leaveMessage.button')}
        </button>
      </section>
    );
  }

  const send = async (values: OfflineValues) => {
    setSending(true);
    setSendError(null);
    try {
      await onSend(values);
      setSent(true);
    } catch (error) {
      setSendError(offlineErrorKey(error instanceof ApiError ? error.code : 'UNKNOWN'));
    } finally {
      setSending(false);
    }
  };

  return (
    <OfflineForm
      nextOpening={null}
      sending={sending}
      sendError={sendError}
      sent={sent}
      onSend={send}
      reason="busy"
      initial={initial}
      autoFocus
    />
  );
}
