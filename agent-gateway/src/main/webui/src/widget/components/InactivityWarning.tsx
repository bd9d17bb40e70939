import { useI18n, useT } from '../../i18n/preact';
import { formattingLocale } from '../../i18n/languages';

interface Props {
  /** When the chat ends unless the customer writes (ISO 8601). */
  endsAt: string;
  /** "I'm still here": sends a message, which is what keeps the chat open. */
  onStay(): void;
}

/**
 * "Are you still there?": the customer has been silent for the queue's warning time. Any message keeps the chat
 * open; the button sends one for them. Announced at once (role alert), the button takes no focus away from typing.
 */
export function InactivityWarning({ endsAt, onStay }: Props) {
  const t = useT();
  const language = useI18n().language;
  const time = new Intl.DateTimeFormat(formattingLocale(language), { hour: '2-digit', minute: '2-digit' }).format(
    new Date(endsAt),
  );
  return (
    <div class="inactivity-warning" role="alert" data-testid="inactivity-warning">
      <p class="inactivity-title">{t('inactivity.title')}</p>
      <p>{t('inactivity.text', { time })}</p>
      <button type="button" class="primary" data-testid="inactivity-stay" onClick={onStay}>
        {t('inactivity.stay')}
      </button>
    </div>
  );
}
