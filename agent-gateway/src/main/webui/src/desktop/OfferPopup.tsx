import { useI18n, useT } from '../i18n/preact';
import type { MessageFrame } from './frames';
import type { PendingOffer } from './store';
import { MessageList } from './conversation';
import { threadEntries } from './conversation/adapters';
import { formatDuration } from './conversation';
import { offerDeadline, secondsLeft, useNow } from './timers';
import { formattingLocale } from '../i18n/languages';

export type OfferMarker = 'new' | 'transfer' | 'conference' | 'proactive';

/** What kind of request it is, as the pop-up marks it. */
export function offerMarker(offer: Pick<PendingOffer, 'kind' | 'proactive'>): OfferMarker {
  if (offer.kind === 'TRANSFER') return 'transfer';
  if (offer.kind === 'CONFERENCE') return 'conference';
  return offer.proactive ? 'proactive' : 'new';
}

export interface OfferPopupProps {
  offer: PendingOffer;
  /** Further pending offers behind this one. */
  more: number;
  thread: MessageFrame[];
  agentId: string;
  onAccept: () => void;
  onDecline: () => void;
}

/**
 * The incoming request. Not modal and it does not take the focus: an agent typing in another chat keeps typing;
 * Alt+Shift+A / Alt+Shift+D (or Tab to the buttons) answer it. The live region announces it.
 */
export function OfferPopup({ offer, more, thread, agentId, onAccept, onDecline }: OfferPopupProps) {
  const t = useT();
  const i18n = useI18n();
  const now = useNow();
  const marker = offerMarker(offer);
  const from = offer.requestedByName ?? offer.requestedBy;
  const deadline = offerDeadline(offer);
  const received = offer.receivedAt ? Date.parse(offer.receivedAt) : offer.arrivedAt;
  const dateFormat = new Intl.DateTimeFormat(formattingLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short' });
  const left = deadline === null ? null : secondsLeft(deadline, now);
  const titleId = `offer-title-${offer.offerId}`;
  return (
    <section
      class={`offer-popup offer-${marker}`}
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={`${titleId}-hint`}
      data-testid="offer-popup"
      data-offer-id={offer.offerId}
    >
      <header class="offer-head">
        <h2 id={titleId}>{t('offer.title')}</h2>
        <span class={`offer-kind kind-${marker}`} data-testid="offer-kind" data-kind={marker}>
          {from && (marker === 'transfer' || marker === 'conference') ? t(`offer.kind.${marker}From`, { name: from }) : t(`offer.kind.${marker}`)}
        </span>
        {more > 0 && <span class="offer-more">{t('offer.more', { count: more })}</span>}
      </header>
      <dl class="offer-facts">
        <div>
          <dt>{t('offer.customer')}</dt>
          <dd data-testid="offer-customer">{offer.customerName ?? t('offer.unknownCustomer')}</dd>
        </div>
        <div>
          <dt>{t('offer.queue')}</dt>
          <dd data-testid="offer-queue">{offer.queueName ?? offer.queueId ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('offer.agent')}</dt>
          <dd data-testid="offer-agent">{offer.agentName ?? offer.agentId ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('offer.date')}</dt>
          <dd data-testid="offer-date">{dateFormat.format(new Date(received))}</dd>
        </div>
        <div>
          <dt>{t('offer.waiting')}</dt>
          <dd data-testid="offer-received-timer" class="timer">
            {formatDuration(now - received)}
          </dd>
        </div>
        {left !== null && (
          <div>
            <dt>{t('offer.countdownLabel')}</dt>
            <dd
              data-testid="offer-countdown"
              class={`timer countdown ${left <= 5 ? 'urgent' : ''}`}
              aria-label={t('offer.countdown', { count: left })}
            >
              {t('offer.countdown', { count: left })}
            </dd>
          </div>
        )}
      </dl>
      <div class="offer-thread" data-testid="offer-thread">
        {thread.length === 0 ? (
          <p class="muted">{t('offer.noMessages')}</p>
        ) : (
          <MessageList messages={threadEntries(thread)} selfAgentId={agentId} />
        )}
      </div>
      <p class="offer-hint" id={`${titleId}-hint`} data-testid="offer-decline-hint">
        {t('offer.declineHint')}
      </p>
      <div class="offer-actions">
        <button type="button" class="primary" data-testid="offer-accept" onClick={onAccept} aria-keyshortcuts="Alt+Shift+A">
          {t('offer.accept')}
        </button>
        <button type="button" class="danger" data-testid="offer-decline" onClick={onDecline} aria-keyshortcuts="Alt+Shift+D">
          {t('offer.decline')}
        </button>
      </div>
    </section>
  );
}
