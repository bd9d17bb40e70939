package com.livechat.gateway.socket;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which typing signals go on, per sender and conversation on this instance: at most one "typing" every
 * {@link #START_INTERVAL} (stopped or not in between), and one "stopped" only after a "typing" that went on, so at
 * most two signals per sender and conversation every 2 s whatever the client sends. Everything else is dropped silently
 * (a typing flood costs nothing downstream). Pure bookkeeping: the caller gives the instant.
 */
public final class TypingThrottle {

    /** At most one "typing" per sender and conversation in this interval. */
    public static final Duration START_INTERVAL = Duration.ofSeconds(2);
    /** Entries untouched this long are forgotten (bounded memory, whatever clients do). */
    static final Duration FORGET_AFTER = Duration.ofMinutes(1);
    private static final int PRUNE_ABOVE = 10_000;

    private record Last(Instant startedAt, boolean typing) {
    }

    private final Map<String, Last> last = new ConcurrentHashMap<>();

    /** Whether this signal of {@code sender} (agent id, or "customer") in the conversation goes on. */
    public boolean allow(String sender, String conversationId, boolean typing, Instant now) {
        if (last.size() > PRUNE_ABOVE) {
            prune(now);
        }
        String key = sender + '\u0000' + conversationId;
        boolean[] allowed = {false};
        last.compute(key, (k, previous) -> {
            if (typing) {
                if (previous != null && now.isBefore(previous.startedAt().plus(START_INTERVAL))) {
                    return previous;
                }
                allowed[0] = true;
                return new Last(now, true);
            }
            if (previous == null || !previous.typing()) {
                return previous;
            }
            allowed[0] = true;
            return new Last(previous.startedAt(), false);
        });
        return allowed[0];
    }

    private void prune(Instant now) {
        Instant horizon = now.minus(FORGET_AFTER);
        for (Iterator<Last> it = last.values().iterator(); it.hasNext(); ) {
            if (it.next().startedAt().isBefore(horizon)) {
                it.remove();
            }
        }
    }
}
