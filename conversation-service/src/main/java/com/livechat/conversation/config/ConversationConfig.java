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

    /** The outbox relay and inbox pruner ({@code livechat.conversation.outbox.*}). */
    OutboxSettings outbox();

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
}
