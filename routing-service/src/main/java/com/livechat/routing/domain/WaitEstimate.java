package com.livechat.routing.domain;

import java.util.List;

/**
 * The estimated wait of a chat at a given position of its queue, from the queue's recent handle and wait times
 * (issue 14; documented in docs/events.md, "Estimated wait"). Pure: the adapter gives the samples.
 * <ul>
 * <li>With at least {@link #MIN_SAMPLES} recent handle times (accepted queue offers that were released: released
 * minus accepted) and at least one serving slot (the summed capacity of the queue's AVAILABLE agents):
 * {@code ceil(position × meanHandle / slots)}. The p-th waiting chat needs p slots to free up, and with s slots each
 * busy for about meanHandle on average, one frees up every meanHandle / s.</li>
 * <li>Otherwise, with at least {@link #MIN_SAMPLES} recent answered waits (accepted minus entry into the queue): their
 * mean, rounded up (the queue's recent average speed of answer, whatever the position).</li>
 * <li>Otherwise no estimate ({@code null}): the widget shows the position alone.</li>
 * </ul>
 * The adapter takes the last {@link #SAMPLE_SIZE} samples of each kind per queue.
 */
public final class WaitEstimate {

    /** Fewer samples than this tell nothing worth showing. */
    public static final int MIN_SAMPLES = 3;

    /** How many of the most recent samples of each kind the adapter takes per queue. */
    public static final int SAMPLE_SIZE = 20;

    private WaitEstimate() {
    }

    /**
     * Returns the estimated wait in whole seconds, or {@code null} when there is too little history.
     *
     * @param position 1-based position in the queue
     * @param recentHandleSeconds recent handle times of the queue, in seconds
     * @param recentWaitSeconds recent answered waits of the queue, in seconds
     * @param slots summed capacity of the queue's available agents
     */
    public static Integer seconds(int position, List<Long> recentHandleSeconds, List<Long> recentWaitSeconds,
            int slots) {
        if (position < 1) {
            return null;
        }
        if (recentHandleSeconds.size() >= MIN_SAMPLES && slots > 0) {
            double meanHandle = mean(recentHandleSeconds);
            return (int) Math.ceil(position * meanHandle / slots);
        }
        if (recentWaitSeconds.size() >= MIN_SAMPLES) {
            return (int) Math.ceil(mean(recentWaitSeconds));
        }
        return null;
    }

    private static double mean(List<Long> samples) {
        return samples.stream().mapToLong(s -> Math.max(0, s)).average().orElse(0);
    }
}
