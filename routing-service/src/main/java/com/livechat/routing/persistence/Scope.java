package com.livechat.routing.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What a decision needs loaded before the core can decide it (see {@link RoutingStore#load}); each part is what the
 * matching promise of {@link com.livechat.routing.domain.RoutingState} needs.
 */
final class Scope {

    /** Agents who may change state (their command, their expired offer): loaded with every pending offer of theirs. */
    final Set<String> agentsWithOffers = new HashSet<>();
    /** Agents loaded for their profile and load only. */
    final Set<String> agents = new HashSet<>();
    /** Agents whose active chats are loaded too. */
    final Set<String> activeChatsOf = new HashSet<>();
    /** Offers named by id. */
    final Set<String> offers = new HashSet<>();
    /** Conversations loaded with their pending offer, unsettled participations and waiting chat. */
    final Set<String> conversations = new HashSet<>();
    /** Waiting chats loaded alone (with their queue). */
    final Set<String> waiting = new HashSet<>();
    final Set<String> queues = new HashSet<>();
    final Set<String> idleCodes = new HashSet<>();

    static Scope of() {
        return new Scope();
    }

    Scope agentsWithOffers(Collection<String> ids) {
        agentsWithOffers.addAll(ids);
        return this;
    }

    Scope agents(Collection<String> ids) {
        agents.addAll(ids);
        return this;
    }

    Scope activeChatsOf(Collection<String> ids) {
        activeChatsOf.addAll(ids);
        return this;
    }

    Scope offers(Collection<String> ids) {
        offers.addAll(ids);
        return this;
    }

    Scope conversations(Collection<String> ids) {
        conversations.addAll(ids);
        return this;
    }

    Scope waiting(Collection<String> ids) {
        waiting.addAll(ids);
        return this;
    }

    Scope queues(Collection<String> ids) {
        queues.addAll(ids);
        return this;
    }

    Scope idleCodes(Collection<String> codes) {
        idleCodes.addAll(codes);
        return this;
    }
}
