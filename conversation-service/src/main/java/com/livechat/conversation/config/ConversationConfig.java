package com.livechat.conversation.config;

import com.livechat.conversation.domain.UnansweredTransferPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Settings of the conversation service ({@code livechat.conversation.*}). */
@ConfigMapping(prefix = "livechat.conversation")
public interface ConversationConfig {

    Transfer transfer();

    Conference conference();

    Outbox outbox();

    interface Transfer {

        /** What happens to a chat whose transfer to an agent is never accepted. */
        @WithDefault("REQUEUE")
        UnansweredTransferPolicy unansweredPolicy();
    }

    interface Conference {

        /** How many agents may be in one conversation at once, the inviting agent included. */
        @WithDefault("2")
        @Min(2)
        @Max(10)
        int maxAgents();
    }

    interface Outbox {

        /** Safety-net polling interval of the outbox relay (each commit also wakes it up). */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("200")
        @Min(1)
        int batchSize();
    }
}
