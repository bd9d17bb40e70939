package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.WithdrawReason;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Admin changes to queues, agents and idle codes. They are routing decisions like any other, because they change who
 * can be offered what; each publishes the item's new version as reference data.
 */
public final class Administration {

    private Administration() {
    }

    /** Creates or replaces a queue. */
    public static RoutingQueue putQueue(RoutingState state, String id, QueueSettings settings) {
        RoutingQueue queue = state.queue(id);
        if (queue == null) {
            queue = new RoutingQueue();
            queue.id = id;
        }
        queue.name = settings.name();
        queue.strategy = settings.strategy();
        queue.ronaTimeoutSeconds = settings.ronaTimeoutSeconds();
        queue.maxWaitSeconds = settings.maxWaitSeconds();
        queue.inactivityWarningSeconds = settings.inactivityWarningSeconds();
        queue.inactivityGraceSeconds = settings.inactivityGraceSeconds();
        queue.waitingNoticeSeconds = settings.waitingNoticeSeconds();
        queue.waitingNoticeText = settings.waitingNoticeText();
        queue.businessHours = settings.businessHours();
        queue.updatedAt = state.now();
        state.add(queue);
        state.publish(new ReferenceData.QueueInfo(queue.id, queue.name, false, queue.businessHours));
        return queue;
    }

    /**
     * Deletes a queue. Its waiting chats leave routing, its pending queue offers are cancelled and its agents stop
     * serving it; {@code QueueDeleted} tells the conversation service to interrupt every conversation that depends
     * on the queue. Returns false when there is no such queue.
     */
    public static boolean deleteQueue(RoutingState state, String id) {
        RoutingQueue queue = state.queue(id);
        if (queue == null) {
            return false;
        }
        state.waitingChats().stream().filter(chat -> chat.queueId.equals(id))
                .forEach(chat -> state.leaveQueue(chat.conversationId));
        state.pendingQueueOffersOf(id).forEach(offer -> Offers.withdraw(state, offer, WithdrawReason.CANCELLED));
        state.agents().stream().filter(agent -> agent.queueIds.contains(id)).forEach(agent -> {
            agent.queueIds.remove(id);
            state.publish(profileOf(agent, false));
        });
        state.publish(new RoutingEvent.QueueDeleted(RoutingState.newId(), state.now(), id, queue.name));
        state.publish(new ReferenceData.QueueInfo(id, queue.name, true));
        state.removeQueue(id);
        return true;
    }

    /**
     * Creates (LOGGED_OUT) or updates an agent; refuses unknown queues with UNKNOWN_QUEUE. Returns whether what
     * routing offers may have changed (more capacity, other queues), so that a dispatch should follow.
     */
    public static boolean putAgent(RoutingState state, String id, AgentSettings settings) {
        checkQueuesExist(state, settings.queueIds());
        Agent agent = state.agent(id);
        if (agent == null) {
            agent = new Agent();
            agent.id = id;
            agent.state = AgentState.LOGGED_OUT;
            agent.stateSince = state.now();
            apply(agent, settings);
            state.add(agent);
            state.publish(profileOf(agent, false));
            AgentStates.publish(state, agent, null, "Agent created");
            return false;
        }
        if (agent.displayName.equals(settings.displayName()) && agent.capacity == settings.capacity()
                && agent.queueIds.equals(settings.queueIds())) {
            state.publish(profileOf(agent, false));
            return false;
        }
        apply(agent, settings);
        state.publish(profileOf(agent, false));
        AgentStates.publish(state, agent, agent.state, "Profile updated by an administrator");
        return true;
    }

    /**
     * Deletes an agent: their pending offers are withdrawn (queue chats go back to their queue), their active chats
     * released. Returns false when there is no such agent.
     */
    public static boolean deleteAgent(RoutingState state, String id) {
        Agent agent = state.agent(id);
        if (agent == null) {
            return false;
        }
        if (agent.state == AgentState.LOGGED_OUT) {
            AgentStates.withdrawPendingOffers(state, agent);
        } else {
            AgentStates.change(state, agent, AgentState.LOGGED_OUT, null, "Agent deleted by an administrator");
        }
        Offers.releaseActive(state, state.activeChatsOf(id));
        state.publish(profileOf(agent, true));
        state.removeAgent(id);
        return true;
    }

    public static IdleCode putIdleCode(RoutingState state, String code, String label) {
        IdleCode idleCode = new IdleCode(code, label);
        state.add(idleCode);
        state.publish(new ReferenceData.IdleCodeInfo(code, label, false));
        return idleCode;
    }

    /** Deletes an idle code; agents IDLE with it stay so until they change state. False when there is none. */
    public static boolean deleteIdleCode(RoutingState state, String code) {
        IdleCode idleCode = state.idleCode(code);
        if (idleCode == null) {
            return false;
        }
        state.publish(new ReferenceData.IdleCodeInfo(code, idleCode.label(), true));
        state.removeIdleCode(code);
        return true;
    }

    private static void checkQueuesExist(RoutingState state, Set<String> queueIds) {
        Set<String> unknown = new TreeSet<>();
        queueIds.stream().filter(queueId -> state.queue(queueId) == null).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new Refusal(RejectionCode.UNKNOWN_QUEUE, "Unknown queue(s): " + String.join(", ", unknown) + ".");
        }
    }

    private static void apply(Agent agent, AgentSettings settings) {
        agent.displayName = settings.displayName();
        agent.capacity = settings.capacity();
        agent.queueIds.retainAll(settings.queueIds());
        agent.queueIds.addAll(settings.queueIds());
    }

    private static ReferenceData.AgentProfile profileOf(Agent agent, boolean deleted) {
        return new ReferenceData.AgentProfile(agent.id, agent.displayName, List.copyOf(new TreeSet<>(agent.queueIds)),
                agent.capacity, deleted);
    }
}
