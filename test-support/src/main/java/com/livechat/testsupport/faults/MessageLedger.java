package com.livechat.testsupport.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the fault-injection suite's clients sent and saw, per message and per participant's screen, and the figures
 * drawn from it per fault window: sent (accepted by the gateway: acknowledged, or seen by someone), delivered (seen
 * by every participant of its chat: the customer and the agent who took it), lost (sent, not delivered), duplicated
 * (a message id, or a message's text, shown twice on one participant's screen), out of order (a frame whose
 * {@code seq} is lower than one the participant already saw in that conversation), the time messages took to flow
 * again after a fault. Pure bookkeeping, no I/O: times are given in milliseconds by the caller. Thread-safe.
 */
public final class MessageLedger {

    /** One message a client sent (and resent until acknowledged). */
    private static final class Message {
        final String ref;
        final String conversationId;
        final long firstAttemptAt;
        final String window;
        boolean acked;
        boolean abandoned;
        final Map<String, Long> deliveredAt = new HashMap<>();

        Message(String ref, String conversationId, long firstAttemptAt, String window) {
            this.ref = ref;
            this.conversationId = conversationId;
            this.firstAttemptAt = firstAttemptAt;
            this.window = window;
        }
    }

    /** One participant's screen of one conversation. */
    private static final class Screen {
        final Set<Long> seqs = new HashSet<>();
        long lastSeq;
        final Set<String> messageIds = new HashSet<>();
        final Set<String> refs = new HashSet<>();
    }

    /** The figures of one window (see the class comment). */
    public record Figures(String window, int chats, int sent, int delivered, int lost, int duplicated,
            int outOfOrder) {
    }

    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final Map<String, Set<String>> participants = new HashMap<>();
    private final Map<String, Screen> screens = new HashMap<>();
    private final Map<String, Integer> duplicated = new HashMap<>();
    private final Map<String, Integer> outOfOrder = new HashMap<>();
    private String window = "set-up";

    /** From now on, new messages and anomalies count for {@code name}. */
    public synchronized void window(String name) {
        window = name;
    }

    public synchronized String window() {
        return window;
    }

    /** {@code participant} (a customer or an agent) takes part in {@code conversationId}. */
    public synchronized void participant(String conversationId, String participant) {
        participants.computeIfAbsent(conversationId, id -> new HashSet<>()).add(participant);
    }

    public synchronized Set<String> participants(String conversationId) {
        return Set.copyOf(participants.getOrDefault(conversationId, Set.of()));
    }

    /** A new message is about to be sent for the first time. */
    public synchronized void attempt(String ref, String conversationId, long at) {
        messages.putIfAbsent(ref, new Message(ref, conversationId, at, window));
    }

    /** The gateway acknowledged the message. */
    public synchronized void acked(String ref) {
        Message message = messages.get(ref);
        if (message != null) {
            message.acked = true;
        }
    }

    /** The client gave up resending the message (never acknowledged): it does not count as sent. */
    public synchronized void abandoned(String ref) {
        Message message = messages.get(ref);
        if (message != null && !message.acked) {
            message.abandoned = true;
        }
    }

    public synchronized boolean isAcked(String ref) {
        Message message = messages.get(ref);
        return message != null && message.acked;
    }

    /**
     * {@code participant}'s socket received a frame of {@code conversationId} with {@code seq} (0: a frame without
     * one); for a message, {@code messageId} and the {@code ref} its text carries (either may be null).
     */
    public synchronized void frame(String participant, String conversationId, long seq, String messageId, String ref,
            long at) {
        Screen screen = screens.computeIfAbsent(participant + "|" + conversationId, key -> new Screen());
        if (seq > 0) {
            if (!screen.seqs.add(seq)) {
                if (messageId == null) {
                    bump(duplicated);
                }
            } else if (seq < screen.lastSeq) {
                bump(outOfOrder);
            }
            screen.lastSeq = Math.max(screen.lastSeq, seq);
        }
        if (messageId != null && !screen.messageIds.add(messageId)) {
            bump(duplicated);
            return;
        }
        if (ref == null) {
            return;
        }
        if (!screen.refs.add(ref)) {
            bump(duplicated); // the same text under another message id: the resend was stored twice
            return;
        }
        Message message = messages.get(ref);
        if (message != null) {
            message.deliveredAt.putIfAbsent(participant, at);
        }
    }

    /** The highest seq {@code participant} saw of {@code conversationId} (0: none), what it resumes from. */
    public synchronized long lastSeq(String participant, String conversationId) {
        Screen screen = screens.get(participant + "|" + conversationId);
        return screen == null ? 0 : screen.lastSeq;
    }

    /** When {@code ref} had reached every participant of its chat, or -1. */
    private long deliveredToAllAt(Message message) {
        Set<String> expected = participants.getOrDefault(message.conversationId, Set.of());
        if (expected.isEmpty() || !message.deliveredAt.keySet().containsAll(expected)) {
            return -1;
        }
        long last = 0;
        for (String participant : expected) {
            last = Math.max(last, message.deliveredAt.get(participant));
        }
        return last;
    }

    private boolean sent(Message message) {
        return message.acked || !message.deliveredAt.isEmpty();
    }

    /** Sent messages not yet delivered to every participant. */
    public synchronized int outstanding() {
        int count = 0;
        for (Message message : messages.values()) {
            if (sent(message) && deliveredToAllAt(message) < 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * For each of {@code conversationIds}: when a message first sent at or after {@code since} first reached every
     * participant of it; a conversation where none did yet is left out.
     */
    public synchronized Map<String, Long> flowingAgainAt(Set<String> conversationIds, long since) {
        Map<String, Long> result = new HashMap<>();
        for (Message message : messages.values()) {
            if (message.firstAttemptAt < since || !conversationIds.contains(message.conversationId)) {
                continue;
            }
            long at = deliveredToAllAt(message);
            if (at >= 0) {
                result.merge(message.conversationId, at, Math::min);
            }
        }
        return result;
    }

    /**
     * Seconds from {@code since} until messages flowed again in every one of {@code conversationIds} (null when one
     * of them has not flowed again).
     */
    public synchronized Double recoverySeconds(Set<String> conversationIds, long since) {
        Map<String, Long> flowing = flowingAgainAt(conversationIds, since);
        if (flowing.size() < conversationIds.size()) {
            return null;
        }
        long last = since;
        for (long at : flowing.values()) {
            last = Math.max(last, at);
        }
        return Math.round((last - since) / 100.0) / 10.0;
    }

    /** The figures of {@code window}, counted now; {@code chats} is how many chats were live. */
    public synchronized Figures figures(String name, int chats) {
        int sent = 0;
        int delivered = 0;
        for (Message message : messages.values()) {
            if (!message.window.equals(name) || !sent(message)) {
                continue;
            }
            sent++;
            if (deliveredToAllAt(message) >= 0) {
                delivered++;
            }
        }
        return new Figures(name, chats, sent, delivered, sent - delivered, duplicated.getOrDefault(name, 0),
                outOfOrder.getOrDefault(name, 0));
    }

    /** Refs of the messages sent in {@code conversationId} and not delivered to everyone yet. */
    public synchronized List<String> undelivered(String conversationId) {
        List<String> refs = new ArrayList<>();
        for (Message message : messages.values()) {
            if (message.conversationId.equals(conversationId) && sent(message) && deliveredToAllAt(message) < 0) {
                refs.add(message.ref);
            }
        }
        return refs;
    }

    private void bump(Map<String, Integer> counter) {
        counter.merge(window, 1, Integer::sum);
    }
}
