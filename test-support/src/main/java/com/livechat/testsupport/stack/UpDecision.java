package com.livechat.testsupport.stack;

/**
 * What {@code ./livechat up} does with a component of the stack it finds: only a dead one is started again. A live
 * one that is not ready (its readiness says which dependency it waits for, for instance the broker while it is
 * down) is kept and waited for: restarting it would only lose its work and its connections.
 */
public enum UpDecision {
    /** Alive and ready: left alone. */
    KEEP,
    /** Alive, not ready yet: left alone, and waited for. */
    WAIT,
    /** Not running (never started, stopped, or crashed): started. */
    START;

    public static UpDecision of(boolean alive, boolean ready) {
        if (!alive) {
            return START;
        }
        return ready ? KEEP : WAIT;
    }
}
