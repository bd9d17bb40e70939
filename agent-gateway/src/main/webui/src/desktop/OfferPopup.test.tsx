import { fireEvent, render, screen } from '@testing-library/preact';
import { I18nProvider } from '../i18n/preact';
import { testI18n } from './conversation/test-support';
import type { MessageFrame } from './frames';
import { OfferPopup, offerMarker } from './OfferPopup';
import type { PendingOffer } from './store';

function renderOffer(offer: PendingOffer, thread: MessageFrame[] = [], language = 'en') {
  const i18n = testI18n(language);
  i18n.setDefaultNamespace('desktop');
  const calls: string[] = [];
  render(
    <I18nProvider i18n={i18n}>
      <OfferPopup offer={offer} more={0} thread={thread} agentId="alice" onAccept={() => calls.push('accept')} onDecline={() => calls.push('decline')} />
    </I18nProvider>,
  );
  return calls;
}

const base: PendingOffer = {
  offerId: 'o-1',
  conversationId: 'c-1',
  kind: 'QUEUE',
  customerName: 'Jean Dupont',
  queueName: 'Support',
  agentName: 'Alice Martin',
  proactive: false,
  lastSeq: 2,
  thread: [],
  arrivedAt: Date.now(),
  live: true,
  offeredAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 30_000).toISOString(),
  receivedAt: new Date(Date.now() - 65_000).toISOString(),
};

describe('the offer pop-up', () => {
  it('shows who, where, since when, the RONA countdown and what Decline means', () => {
    const calls = renderOffer(base, [
      { type: 'message', conversationId: 'c-1', seq: 2, occurredAt: new Date().toISOString(), messageId: 'm', senderType: 'CUSTOMER', senderId: null, senderName: 'Jean Dupont', audience: 'EVERYONE', text: 'Bonjour,\nune question' },
    ]);
    expect(screen.getByTestId('offer-popup').getAttribute('role')).toBe('alertdialog');
    expect(screen.getByTestId('offer-customer').textContent).toBe('Jean Dupont');
    expect(screen.getByTestId('offer-queue').textContent).toBe('Support');
    expect(screen.getByTestId('offer-kind').dataset.kind).toBe('new');
    expect(screen.getByTestId('offer-received-timer').textContent).toMatch(/^1:0[4-6]$/);
    expect(screen.getByTestId('offer-countdown').textContent).toMatch(/^(29|30) seconds$/);
    expect(screen.getByTestId('offer-decline-hint').textContent).toContain('RONA');
    expect(screen.getByTestId('offer-thread').textContent).toContain('une question');
    fireEvent.click(screen.getByTestId('offer-decline'));
    fireEvent.click(screen.getByTestId('offer-accept'));
    expect(calls).toEqual(['decline', 'accept']);
  });

  it('names who transferred or invited, in French too', () => {
    renderOffer({ ...base, kind: 'TRANSFER', requestedBy: 'bob', requestedByName: 'Bob Leroy' }, [], 'fr');
    expect(screen.getByTestId('offer-kind').textContent).toBe('Transfert de Bob Leroy');
    expect(screen.getByTestId('offer-kind').dataset.kind).toBe('transfer');
  });

  it('marks proactive chats and conference invitations', () => {
    expect(offerMarker({ kind: 'QUEUE', proactive: true })).toBe('proactive');
    expect(offerMarker({ kind: 'CONFERENCE', proactive: false })).toBe('conference');
    expect(offerMarker({ kind: undefined, proactive: false })).toBe('new');
  });
});
