package com.livechat.gateway.messaging;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.CommandRejected;
import com.livechat.contracts.events.RoutingEvent;

import java.util.Set;

/**
 * What the consumers hand on once an event is committed to the projection (the sockets push it: {@code
 * socket.SocketHub}). Called after the commit only, so whoever is told can always read the event back from the
 * projection; never called for an event whose projection failed.
 */
public interface CommittedEvents {

    /** A conversation event, for the agents who follow the conversation ({@code agentIds}) and its customer. */
    void conversationEvent(ConversationEvent event, Set<String> agentIds);

    /** A conversation command refused by the conversation service (not projected): for whoever issued it. */
    void conversationCommandRejected(CommandRejected rejected);

    /** A routing event: offers, presence, queue positions, refusals of routing commands. */
    void routingEvent(RoutingEvent event);
}
