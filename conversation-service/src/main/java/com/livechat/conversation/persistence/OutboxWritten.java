package com.livechat.conversation.persistence;

/**
 * Fired (a CDI event) after a transaction that wrote to the outbox committed, by writers outside messaging (the admin
 * resources), so the relay publishes at once instead of at its next poll.
 */
public record OutboxWritten() {
}
