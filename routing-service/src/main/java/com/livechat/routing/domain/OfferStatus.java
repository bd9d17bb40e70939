package com.livechat.routing.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of one offer of a chat to one agent.
 *
 * <pre>
 * PENDING -> ACCEPTED    (the agent accepted in time: the chat is theirs)
 * PENDING -> WITHDRAWN   (RONA timeout, declined, cancelled, agent unavailable)
 * </pre>
 *
 * An accepted offer later stops counting toward the agent's capacity when the agent leaves the chat; that is
 * recorded as its release time, not as another status.
 */
public enum OfferStatus {
    PENDING,
    ACCEPTED,
    WITHDRAWN;

    public Set<OfferStatus> allowedTargets() {
        return this == PENDING ? EnumSet.of(ACCEPTED, WITHDRAWN) : EnumSet.noneOf(OfferStatus.class);
    }

    public boolean canTransitionTo(OfferStatus target) {
        return allowedTargets().contains(target);
    }

    /** Returns {@code target}, or throws {@link IllegalOfferTransitionException} when the move is not allowed. */
    public OfferStatus transitionTo(OfferStatus target) {
        if (!canTransitionTo(target)) {
            throw new IllegalOfferTransitionException(this, target);
        }
        return target;
    }

    /** An attempt to move an offer where its lifecycle does not allow. */
    public static final class IllegalOfferTransitionException extends IllegalStateException {

        public IllegalOfferTransitionException(OfferStatus from, OfferStatus to) {
            super("An offer that is " + from + " cannot become " + to
                    + ": only a PENDING offer can be accepted or withdrawn, once.");
        }
    }
}
