package com.livechat.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
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

    Widget widget();

    Limits limits();

    Broker broker();

    Retention retention();

    /** How long the gateway keeps each kind of data (docs/privacy.md; {@code livechat.gateway.retention.*}). */
    interface Retention {

        /** Days the projections of a CLOSED conversation are kept after its last event; 0: for ever. */
        @WithDefault("365")
        @jakarta.validation.constraints.Min(0)
        int transcriptDays();

        /** Days the audit trails (supervision, erasures) are kept; 0: for ever. */
        @WithDefault("730")
        @jakarta.validation.constraints.Min(0)
        int auditDays();

        /** How often the purge runs. */
        @WithDefault("1H")
        Duration purgeInterval();
    }

    /**
     * How long a command may wait for the broker before the request fails with 503: the producer settings
     * {@code max.block.ms}, {@code request.timeout.ms} and {@code delivery.timeout.ms} of the two command channels
     * (application.properties hands them over; read here so that they are checked and documented in one place).
     */
    interface Broker {
        @WithDefault("3000")
        int maxBlockMs();

        @WithDefault("4000")
        int requestTimeoutMs();

        @WithDefault("5000")
        int deliveryTimeoutMs();

        /**
         * Once a send found the broker unreachable, commands are refused at once (503) and one goes through as a
         * probe every this many milliseconds ({@code messaging.SendBreaker}).
         */
        @WithDefault("1000")
        @jakarta.validation.constraints.Min(1)
        int probeIntervalMs();

        /**
         * Sends outstanding and none completed for this many milliseconds: the broker stalled, commands are refused
         * as if a send had failed (the producer's own time-outs are longer, and commands would queue behind them).
         */
        @WithDefault("1500")
        @jakarta.validation.constraints.Min(1)
        int stallMs();
    }

    /** Chats and invitations started per client address and per site within the window (0: no limit). */
    interface Limits {
        @WithDefault("1M")
        Duration window();

        @WithDefault("10")
        int chatsPerAddress();

        @WithDefault("1000")
        int chatsPerSite();

        @WithDefault("30")
        int invitationsPerAddress();

        @WithDefault("3000")
        int invitationsPerSite();
    }

    /** Where the customer widget may be used. */
    interface Widget {
        /**
         * Origins ({@code https://shop.example}, scheme, host and port) of the sites that may embed the widget:
         * the {@code frame-ancestors} of {@code /chat/} and, when set, the only foreign {@code Origin} accepted on
         * {@code POST /api/chats} and the customer socket. Unset: any site may embed the widget.
         */
        Optional<List<String>> allowedOrigins();
    }

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
         * Most conversations one {@code resume} frame may name ({@code RESUME_TOO_LARGE} beyond). Each one also costs
         * a token of the rate limit, so more than {@link #rateLimitBurst()} can never pass at once.
         */
        @WithDefault("20")
        int maxResumeConversations();

        /** Most sockets open at once, on this instance, per agent account or per customer conversation. */
        @WithDefault("10")
        int maxPerAccount();

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
