package com.livechat.routing.persistence;

/**
 * Fired (a CDI event) by {@link RoutingTransactions} after a decision that wrote events to the outbox committed, so
 * the relay publishes them at once instead of at its next poll.
 */
public record OutboxWritten() {
}
