package com.livechat.contracts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/** An agent's request to routing, written by the gateway to {@link Topics#ROUTING_COMMANDS}, keyed by agent id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RoutingCommand.ChangeAgentState.class, name = "ChangeAgentState"),
        @JsonSubTypes.Type(value = RoutingCommand.AcceptOffer.class, name = "AcceptOffer"),
        @JsonSubTypes.Type(value = RoutingCommand.DeclineOffer.class, name = "DeclineOffer")
})
public sealed interface RoutingCommand extends LivechatRecord {

    String commandId();

    String agentId();

    Instant issuedAt();

    @Override
    default String key() {
        return agentId();
    }

    /** The agent sets their own state: AVAILABLE, IDLE (with an idle code) or LOGGED_OUT. */
    record ChangeAgentState(String commandId, String agentId, Instant issuedAt, AgentState state, String idleCode,
            String reason) implements RoutingCommand {
    }

    record AcceptOffer(String commandId, String agentId, Instant issuedAt, String offerId, String conversationId)
            implements RoutingCommand {
    }

    record DeclineOffer(String commandId, String agentId, Instant issuedAt, String offerId, String conversationId)
            implements RoutingCommand {
    }
}
