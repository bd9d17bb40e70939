package com.livechat.routing.domain;

import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;

import java.util.Comparator;
import java.util.List;

/**
 * The two deadlines of routing, both absolute instants stored with what they time (so a restart loses none): an
 * offer's expiry (RONA) and a queue's maximum time in queue. The scans that apply them only decide on what they are
 * given; {@link Offer#isExpired} and {@link RoutingQueue#maxWaitPassed} are the rules.
 */
public final class Timeouts {

    private Timeouts() {
    }

    /** RONA for every pending offer past its deadline, earliest deadline first; returns how many expired. */
    public static int expireOffers(RoutingState state) {
        List<Offer> expired = state.pendingOffers().stream().filter(offer -> offer.isExpired(state.now()))
                .sorted(Comparator.comparing((Offer offer) -> offer.expiresAt).thenComparing(offer -> offer.id))
                .toList();
        for (Offer offer : expired) {
            // An earlier one may have taken this agent to RONA, which withdrew their other offers.
            if (offer.status == OfferStatus.PENDING) {
                Offers.noAnswer(state, offer, WithdrawReason.RONA_TIMEOUT);
            }
        }
        return expired.size();
    }

    /**
     * Takes out of their queue the chats that waited there longer than its maximum (never a left message); returns
     * how many.
     */
    public static int timeOutWaitingChats(RoutingState state) {
        List<WaitingChat> overdue = state.waitingChats().stream()
                .filter(chat -> {
                    RoutingQueue queue = state.queue(chat.queueId);
                    return queue != null && queue.maxWaitPassed(chat, state.now());
                })
                .toList();
        for (WaitingChat chat : overdue) {
            state.publish(new RoutingEvent.QueueTimedOut(RoutingState.newId(), state.now(), chat.conversationId,
                    chat.queueId));
            state.leaveQueue(chat.conversationId);
        }
        return overdue.size();
    }
}
