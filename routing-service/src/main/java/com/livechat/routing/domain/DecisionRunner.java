package com.livechat.routing.domain;

/**
 * Holds the signal that a committed decision wrote to the outbox, so the relay can publish at once. It stays under
 * this name only because {@code messaging.RoutingOutboxRelay} observes it and is being replaced by the platform's
 * relay (issue 12, contracts part); the decisions themselves run in {@code persistence.RoutingTransactions}.
 */
public final class DecisionRunner {

    private DecisionRunner() {
    }

    /** Fired (a CDI event) after a decision that published events committed. */
    public record OutboxWritten() {
    }
}
