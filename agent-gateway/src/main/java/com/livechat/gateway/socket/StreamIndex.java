package com.livechat.gateway.socket;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streams of this instance's open sockets, found by whom a push is for: an agent's sockets, a conversation's
 * customer sockets, the sockets monitoring a conversation. A push looks its sockets up here in constant time instead of
 * scanning every open connection (which cost the gateway about 6 % of its CPU with 1,100 sockets under load,
 * docs/performance/README.md). A stream is added when it becomes visible to live pushes ({@link ClientStream#open})
 * and removed when its socket closes.
 *
 * <p>Each key maps to an immutable set, replaced atomically on every change, so a lookup never sees a set being
 * changed and needs no lock; an agent has a few sockets, a conversation one or two, so the copies are small.
 */
@ApplicationScoped
public class StreamIndex {

    private final Map<String, Set<ClientStream>> byAgent = new ConcurrentHashMap<>();
    private final Map<String, Set<ClientStream>> byCustomerConversation = new ConcurrentHashMap<>();
    private final Map<String, Set<ClientStream>> byMonitoredConversation = new ConcurrentHashMap<>();
    private final AtomicInteger agentStreams = new AtomicInteger();

    /** The stream becomes visible to live pushes. */
    public void add(ClientStream stream) {
        if (stream.audience() == ClientStream.Audience.AGENT) {
            if (put(byAgent, stream.agentId(), stream)) {
                agentStreams.incrementAndGet();
            }
        } else {
            put(byCustomerConversation, stream.conversationId(), stream);
        }
    }

    /** The stream's socket closed: no push finds it any more. */
    public void remove(ClientStream stream) {
        if (stream.audience() == ClientStream.Audience.AGENT) {
            if (take(byAgent, stream.agentId(), stream)) {
                agentStreams.decrementAndGet();
            }
            for (String conversationId : stream.monitoredConversations()) {
                take(byMonitoredConversation, conversationId, stream);
            }
        } else {
            take(byCustomerConversation, stream.conversationId(), stream);
        }
    }

    /** The (agent) stream monitors the conversation from now on; true the first time. */
    public boolean monitor(ClientStream stream, String conversationId) {
        boolean first = stream.monitor(conversationId);
        put(byMonitoredConversation, conversationId, stream);
        if (!stream.isOpen()) {
            // Closed meanwhile: its removal may have run before the put.
            take(byMonitoredConversation, conversationId, stream);
        }
        return first;
    }

    /** Every stream of the agent's sockets. */
    public Collection<ClientStream> agent(String agentId) {
        return agentId == null ? List.of() : byAgent.getOrDefault(agentId, Set.of());
    }

    /** Every customer stream of the conversation. */
    public Collection<ClientStream> customers(String conversationId) {
        return conversationId == null ? List.of() : byCustomerConversation.getOrDefault(conversationId, Set.of());
    }

    /** Every (supervisor's) agent stream monitoring the conversation. */
    public Collection<ClientStream> monitoring(String conversationId) {
        return conversationId == null ? List.of() : byMonitoredConversation.getOrDefault(conversationId, Set.of());
    }

    /** Whether any agent socket is open on this instance. */
    public boolean hasAgentStreams() {
        return agentStreams.get() > 0;
    }

    private static boolean put(Map<String, Set<ClientStream>> index, String key, ClientStream stream) {
        if (key == null) {
            return false;
        }
        boolean[] added = new boolean[1];
        index.compute(key, (ignored, streams) -> {
            if (streams == null) {
                added[0] = true;
                return Set.of(stream);
            }
            if (streams.contains(stream)) {
                return streams;
            }
            Set<ClientStream> more = new HashSet<>(streams);
            more.add(stream);
            added[0] = true;
            return Set.copyOf(more);
        });
        return added[0];
    }

    private static boolean take(Map<String, Set<ClientStream>> index, String key, ClientStream stream) {
        if (key == null) {
            return false;
        }
        boolean[] removed = new boolean[1];
        index.computeIfPresent(key, (ignored, streams) -> {
            if (!streams.contains(stream)) {
                return streams;
            }
            removed[0] = true;
            if (streams.size() == 1) {
                return null;
            }
            Set<ClientStream> fewer = new HashSet<>(streams);
            fewer.remove(stream);
            return Set.copyOf(fewer);
        });
        return removed[0];
    }
}
