package com.livechat.conversation.config;

import com.livechat.conversation.domain.ConversationCommands;
import com.livechat.conversation.domain.CustomerInactivity;
import com.livechat.conversation.domain.RoutingReactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the domain's decision classes from configuration; they stay plain classes, testable without CDI. */
@ApplicationScoped
public class DomainProducers {

    @Produces
    @Singleton
    ConversationCommands conversationCommands(ConversationConfig config) {
        return new ConversationCommands(config.conference().maxAgents());
    }

    @Produces
    @Singleton
    CustomerInactivity customerInactivity(ConversationConfig config) {
        return new CustomerInactivity(config.inactivity().defaultWarning(), config.inactivity().defaultGrace());
    }

    @Produces
    @Singleton
    RoutingReactions routingReactions(ConversationConfig config) {
        return new RoutingReactions(config.transfer().unansweredPolicy());
    }
}
