package com.livechat.gateway.socket;

import java.util.HashMap;
import java.util.Map;

/**
 * What one socket connection has been sent of each conversation's event sequence, so that every event reaches it
 * once and in order whether it comes live from Kafka, from a gap refill or from a {@code resume} replay.
 *
 * <p>Per conversation it keeps {@code delivered} (the highest seq the connection is up to date with) and
 * {@code sentFrom}: every event in {@code (sentFrom, delivered]} was sent on this connection. A resume from N replays
 * {@code (N, sentFrom]} only, so nothing sent live since the connection opened is sent twice. Not thread-safe: each
 * connection runs its deliveries one after the other.
 */
public final class DeliveryTracker {

    private final Map<String, long[]> positions = new HashMap<>();

    /** What to do with a live event of sequence {@code seq}. */
    public enum LiveDecision {
        /** Already sent (or replayed): drop it. */
        SKIP,
        /** The next one: send it. */
        SEND,
        /** Some events in between are missing: read them from the event log first. */
        REFILL
    }

    /** Marks the connection as up to date with {@code seq} without having sent anything before it. */
    public void startAt(String conversationId, long seq) {
        long[] position = positions.get(conversationId);
        if (position == null) {
            positions.put(conversationId, new long[] {seq, seq});
        } else if (seq > position[1]) {
            position[0] = seq;
            position[1] = seq;
        }
    }

    public boolean knows(String conversationId) {
        return positions.containsKey(conversationId);
    }

    public long delivered(String conversationId) {
        long[] position = positions.get(conversationId);
        return position == null ? 0 : position[1];
    }

    public LiveDecision decide(String conversationId, long seq) {
        long[] position = positions.get(conversationId);
        if (position == null) {
            return LiveDecision.SEND;
        }
        if (seq <= position[1]) {
            return LiveDecision.SKIP;
        }
        return seq == position[1] + 1 ? LiveDecision.SEND : LiveDecision.REFILL;
    }

    /** Records that the event {@code seq} was sent (live or refilled), in order. */
    public void sent(String conversationId, long seq) {
        long[] position = positions.get(conversationId);
        if (position == null) {
            positions.put(conversationId, new long[] {seq - 1, seq});
        } else if (seq > position[1]) {
            position[1] = seq;
        }
    }

    /**
     * A client resumes from {@code lastSeq}: returns the highest seq to replay (events in {@code (lastSeq, result]}),
     * or {@code lastSeq} itself when nothing needs replaying, and records that they will have been sent.
     */
    public long resumeFrom(String conversationId, long lastSeq) {
        long[] position = positions.get(conversationId);
        if (position == null) {
            return Long.MAX_VALUE;
        }
        long replayUpTo = position[0];
        if (lastSeq >= replayUpTo) {
            return lastSeq;
        }
        position[0] = lastSeq;
        return replayUpTo;
    }
}
