package com.livechat.routing.domain;

import com.livechat.routing.domain.OfferStatus.IllegalOfferTransitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfferStatusTest {

    private static final Set<Object> ALLOWED = Set.of(
            pair(OfferStatus.PENDING, OfferStatus.ACCEPTED),
            pair(OfferStatus.PENDING, OfferStatus.WITHDRAWN));

    @Test
    void aPendingOfferIsEitherAcceptedOrWithdrawn() {
        assertEquals(EnumSet.of(OfferStatus.ACCEPTED, OfferStatus.WITHDRAWN), OfferStatus.PENDING.allowedTargets());
        assertEquals(OfferStatus.ACCEPTED, OfferStatus.PENDING.transitionTo(OfferStatus.ACCEPTED));
        assertEquals(OfferStatus.WITHDRAWN, OfferStatus.PENDING.transitionTo(OfferStatus.WITHDRAWN));
    }

    @Test
    void acceptedAndWithdrawnAreFinal() {
        assertTrue(OfferStatus.ACCEPTED.allowedTargets().isEmpty());
        assertTrue(OfferStatus.WITHDRAWN.allowedTargets().isEmpty());
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(OfferStatus.values())
                .flatMap(from -> Stream.of(OfferStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void everyIllegalTransitionFailsWithAClearError(OfferStatus from, OfferStatus to) {
        if (ALLOWED.contains(pair(from, to))) {
            assertTrue(from.canTransitionTo(to));
            assertEquals(to, from.transitionTo(to));
            return;
        }
        assertFalse(from.canTransitionTo(to));
        IllegalOfferTransitionException error = assertThrows(IllegalOfferTransitionException.class,
                () -> from.transitionTo(to));
        assertEquals("An offer that is " + from + " cannot become " + to
                + ": only a PENDING offer can be accepted or withdrawn, once.", error.getMessage());
    }

    @Test
    void anOfferAcceptedOnceCannotBeWithdrawnOrAcceptedAgain() {
        Offer offer = new Offer();
        offer.id = "o-1";
        offer.status = OfferStatus.PENDING;
        offer.accept(java.time.Instant.EPOCH);
        assertThrows(IllegalOfferTransitionException.class,
                () -> offer.withdraw(com.livechat.contracts.events.WithdrawReason.RONA_TIMEOUT, java.time.Instant.EPOCH));
        assertThrows(IllegalOfferTransitionException.class, () -> offer.accept(java.time.Instant.EPOCH));
        assertEquals(OfferStatus.ACCEPTED, offer.status);
    }

    @Test
    void onlyAnAcceptedOfferIsReleasedAndOnlyOnce() {
        Offer offer = new Offer();
        offer.id = "o-2";
        offer.status = OfferStatus.PENDING;
        IllegalStateException pending = assertThrows(IllegalStateException.class, () -> offer.release(java.time.Instant.EPOCH));
        assertEquals("Only an accepted, unreleased offer can be released; offer o-2 is PENDING", pending.getMessage());
        offer.accept(java.time.Instant.EPOCH);
        offer.release(java.time.Instant.EPOCH);
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> offer.release(java.time.Instant.EPOCH));
        assertEquals("Only an accepted, unreleased offer can be released; offer o-2 is ACCEPTED and already released",
                twice.getMessage());
    }

    private static Object pair(OfferStatus from, OfferStatus to) {
        return from + "->" + to;
    }
}
