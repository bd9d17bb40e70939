package com.livechat.gateway.messaging;

import org.apache.kafka.common.errors.RetriableException;

/**
 * A command refused without being handed to the producer because the broker was found unreachable a moment ago
 * ({@link SendBreaker} open). Retriable, hence an infrastructure failure: {@code 503} with {@code Retry-After} over
 * REST, a {@code SERVICE_UNAVAILABLE} error frame on a socket. No stack trace: it is expected while the broker is down.
 */
final class BrokerUnavailable extends RetriableException {

    BrokerUnavailable() {
        super("The broker is unreachable: command refused at once, not sent (send breaker open)");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
