package com.livechat.routing.domain;

import java.util.Set;

/**
 * Who may take a chat: the one rule behind both a queue dispatch and a direct (transfer, conference) offer. An agent
 * may be offered a chat when they receive offers (AVAILABLE: {@link AgentStateRules#receivesOffers}), have a free
 * slot ({@link Agent#freeSlots}: active chats and pending offers both count), and have no unsettled participation in
 * that chat (one open participation per agent and chat, so a wrap-up always belongs to one participation).
 *
 * <p>A dispatch applies the rule in two halves: {@link #takesChats} once per agent when it forms the line, and
 * {@link #mayJoin} per chat while matching ({@link ChatMatcher}).
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** Why {@code agent} may not be offered a chat whose unsettled participants are {@code unsettledAgents}, or null. */
    public static String whyNot(Agent agent, Set<String> unsettledAgents) {
        if (!AgentStateRules.receivesOffers(agent.state)) {
            return "agent is " + agent.state;
        }
        if (!mayJoin(unsettledAgents, agent.id)) {
            return "agent's participation in the chat is not settled";
        }
        return agent.freeSlots() > 0 ? null : "agent has no free capacity";
    }

    /** The per-agent half: the agent receives offers and has a free slot. */
    public static boolean takesChats(Agent agent) {
        return AgentStateRules.receivesOffers(agent.state) && agent.freeSlots() > 0;
    }

    /** The per-chat half: the agent has no unsettled participation in the chat (in it, or still wrapping it up). */
    public static boolean mayJoin(Set<String> unsettledAgents, String agentId) {
        return !unsettledAgents.contains(agentId);
    }
}
