package com.livechat.testsupport.launch;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Waiting for the stack under test, and the tools' own threads (daemons: a stuck one never keeps the JVM up). */
public final class Waiting {

    private Waiting() {
    }

    /** Polls {@code condition} every {@code poll} until it holds (true) or {@code timeout} has passed (false). */
    public static boolean until(BooleanSupplier condition, Duration timeout, Duration poll) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** As {@link #until}, but giving up the run ({@link IllegalStateException}) when {@code what} never holds. */
    public static void untilOrGiveUp(String what, BooleanSupplier condition, Duration timeout, Duration poll) {
        if (!until(condition, timeout, poll)) {
            throw new IllegalStateException("Gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
        }
    }

    /** Daemon threads named {@code name-1}, {@code name-2}... */
    public static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
