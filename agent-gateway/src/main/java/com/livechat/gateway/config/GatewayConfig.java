package com.livechat.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The gateway's own settings ({@code livechat.gateway.*} in application.properties). */
@ConfigMapping(prefix = "livechat.gateway")
public interface GatewayConfig {

    /**
     * Names this instance; its Kafka consumer group is {@code agent-gateway-<instance id>}. Defaults to the host
     * name and the HTTP port, so that two instances on one host do not share a group.
     */
    String instanceId();

    /** Password of the bootstrap {@code admin} account, created at startup when missing. */
    Optional<String> adminPassword();

    /** How long a proactive invitation may be used to start a chat. */
    @WithDefault("10M")
    Duration invitationLifetime();

    /** How often expired invitations are deleted. */
    @WithDefault("5M")
    Duration invitationCleanupInterval();

    Token token();

    Socket socket();

    Login login();

    Supervision supervision();

    interface Token {
        String issuer();

        /** Lifetime of an agent's token. */
        @WithDefault("8H")
        Duration lifetime();

        /** Lifetime of a customer's conversation-scoped token. */
        @WithDefault("8H")
        Duration customerLifetime();
    }

    /** Login throttling: failed logins allowed per user name and per client address within the window. */
    interface Login {
        @WithDefault("5")
        int maxFailuresPerUser();

        /** Higher than per user: several people may share an address (an office behind one NAT). */
        @WithDefault("20")
        int maxFailuresPerAddress();

        @WithDefault("1M")
        Duration failureWindow();
    }

    interface Socket {
        /** Larger client frames are refused with an error frame; the connection stays open. */
        @WithDefault("16384")
        int maxFrameBytes();

        /** How long pushes wait after the hello for a {@code resume} as the client's first frame. */
        @WithDefault("1S")
        Duration resumeWindow();

        /** Token bucket per connection: this many frames at once... */
        @WithDefault("20")
        int rateLimitBurst();

        /** ...refilled at this rate. */
        @WithDefault("10")
        double rateLimitPerSecond();

        /**
         * How often every instance closes its agent sockets whose account was disabled or changed since they opened
         * (the instance that made the change closes its own at once).
         */
        @WithDefault("15S")
        Duration revocationCheckInterval();
    }

    /** The supervisor console's figures (issue 15). */
    interface Supervision {
        /** A chat answered within this time in queue counts as within the service level. */
        @WithDefault("20S")
        Duration serviceLevelThreshold();

        /** The time zone whose midnight starts the day the "today" counts run from. */
        @WithDefault("UTC")
        java.time.ZoneId zone();

        /** At most one update per this interval on each supervisor socket, and only when something changed. */
        @WithDefault("1S")
        Duration pushInterval();

        /** How often the Prometheus gauges of the figures are recomputed. */
        @WithDefault("15S")
        Duration metricsInterval();
    }
}
