package com.livechat.routing.config;

import com.livechat.routing.domain.ConversationReactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the core's decision classes from configuration; they stay plain classes, testable without CDI. */
@ApplicationScoped
public class DomainProducers {

    @Produces
    @Singleton
    ConversationReactions conversationReactions(RoutingConfig config) {
        return new ConversationReactions(config.defaultRonaTimeout());
    }
}
