package com.livechat.routing.config;

import com.livechat.platform.outbox.OutboxSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the routing engine ({@code routing.*} in application.properties). */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    /**
     * Key of the PostgreSQL advisory lock every routing decision takes first. Must be the same in every instance
     * and differ from {@link OutboxSettings#lockKey()}.
     */
    @WithDefault("7306357203591577601")
    long lockKey();

    /** RONA timeout of a queue created without one, and of direct offers whose queue is unknown. */
    @WithDefault("30s")
    Duration defaultRonaTimeout();

    /** Default chat capacity of an agent created without one. */
    @WithDefault("3")
    int defaultCapacity();

    /** How often expired offers (RONA) and chats over their queue's maximum wait are looked for. */
    @WithDefault("250ms")
    Duration scanInterval();

    /**
     * How often changed queue positions are published; coalesces the shifts caused by many decisions into one event
     * per chat.
     */
    @WithDefault("500ms")
    Duration positionInterval();

    /** The outbox relay and inbox pruner ({@code routing.outbox.*}). */
    OutboxSettings outbox();
}
