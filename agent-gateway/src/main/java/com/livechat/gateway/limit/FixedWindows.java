package com.livechat.gateway.limit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key in each window of {@code window} (fixed windows, starting at a key's first
 * event), in this instance's memory. Times are passed in (epoch milliseconds), so the rule is tested without a clock.
 * The map forgets ended windows once it holds {@code maxKeys} keys; should it still be full (a flood from that many
 * addresses), a new key is let through uncounted rather than letting memory grow.
 */
public final class FixedWindows {

    private record Window(long startMillis, int count) {
    }

    private final int limit;
    private final long windowMillis;
    private final int maxKeys;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public FixedWindows(int limit, Duration window, int maxKeys) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
    }

    /** How long until an event of {@code key} would be allowed at {@code nowMillis}: zero when it would be now. */
    public Duration waitFor(String key, long nowMillis) {
        Window window = windows.get(key);
        if (limit <= 0 || window == null || ended(window, nowMillis) || window.count() < limit) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(window.startMillis() + windowMillis - nowMillis);
    }

    /** Counts one event of {@code key} at {@code nowMillis} (allowed or not: check {@link #waitFor} first). */
    public void charge(String key, long nowMillis) {
        if (limit <= 0) {
            return; // no limit
        }
        if (!windows.containsKey(key) && windows.size() >= maxKeys) {
            windows.values().removeIf(window -> ended(window, nowMillis));
            if (windows.size() >= maxKeys) {
                return;
            }
        }
        windows.compute(key, (ignored, window) -> window == null || ended(window, nowMillis)
                ? new Window(nowMillis, 1) : new Window(window.startMillis(), window.count() + 1));
    }

    private boolean ended(Window window, long nowMillis) {
        return nowMillis - window.startMillis() >= windowMillis || nowMillis < window.startMillis();
    }
}
