package com.livechat.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/**
 * Where the gateway forwards {@code /api/admin/routing|conversation|masking/**} ({@code livechat.admin-forwarding.*}):
 * the base URL of each owning service, and how long to wait for its answer.
 */
@ConfigMapping(prefix = "livechat.admin-forwarding")
public interface AdminForwardingConfig {

    URI routingUrl();

    URI conversationUrl();

    URI maskingUrl();

    /** Connecting and answering together; past it the caller gets 503 with Retry-After. */
    @WithDefault("10S")
    Duration timeout();

    /** The Retry-After, in seconds, of a 503 when the owner cannot be reached. */
    @WithDefault("5")
    int retryAfterSeconds();
}
