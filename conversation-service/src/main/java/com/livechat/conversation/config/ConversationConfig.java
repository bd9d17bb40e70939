package com.livechat.conversation.config;

import com.livechat.conversation.domain.UnansweredTransferPolicy;
import com.livechat.platform.outbox.OutboxSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Settings of the conversation service ({@code livechat.conversation.*}). */
@ConfigMapping(prefix = "livechat.conversation")
public interface ConversationConfig {

    Transfer transfer();

    Conference conference();

    Inactivity inactivity();

    Retention retention();

    /** The outbox relay and inbox pruner ({@code livechat.conversation.outbox.*}). */
    OutboxSettings outbox();

    interface Transfer {

        /** What happens to a chat whose transfer to an agent is never accepted. */
        @WithDefault("REQUEUE")
        UnansweredTransferPolicy unansweredPolicy();
    }

    /** Customer inactivity ({@code livechat.conversation.inactivity.*}); a queue's own settings win. */
    interface Inactivity {

        /** Customer silence before the "are you still there?" warning, when the queue sets none. */
        @WithDefault("240s")
        java.time.Duration defaultWarning();

        /** Further silence after the warning before the chat ends as INACTIVE, when the queue sets none. */
        @WithDefault("60s")
        java.time.Duration defaultGrace();

        /** How often the deadlines are scanned. */
        @WithDefault("1s")
        java.time.Duration scanInterval();
    }

    /** How long each kind of data is kept (docs/privacy.md; {@code livechat.conversation.retention.*}). */
    interface Retention {

        /** Days a transcript (the conversation with everything about it) is kept after it CLOSED; 0: for ever. */
        @WithDefault("365")
        @Min(0)
        int transcriptDays();

        /** How often the purge runs. */
        @WithDefault("1h")
        java.time.Duration purgeInterval();
    }

    interface Conference {

        /** How many agents may be in one conversation at once, the inviting agent included. */
        @WithDefault("2")
        @Min(2)
        @Max(10)
        int maxAgents();
    }
}
