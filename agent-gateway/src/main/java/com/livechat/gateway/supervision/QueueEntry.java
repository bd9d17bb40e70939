package com.livechat.gateway.supervision;

import java.time.Instant;

/**
 * One time a conversation entered a queue, as projected from the conversation events.
 *
 * @param outcome       null while the chat waits
 * @param outcomeAt     when it was answered, abandoned or interrupted
 * @param agentId       the agent who answered it
 * @param transferredAt when the agent who answered it transferred it on
 * @param handledUntil  when that agent's participation was done (wrap-up submitted)
 */
public record QueueEntry(String conversationId, String queueId, String queueName, String customerName,
        Instant enteredAt, Instant waitingSince, Outcome outcome, Instant outcomeAt, String agentId,
        Instant transferredAt, Instant handledUntil) {

    /** How a queue entry ended. */
    public enum Outcome {
        /** An agent joined. */
        ANSWERED,
        /** The customer left, or the maximum time in queue passed, before an agent joined. */
        ABANDONED,
        /** The queue was deleted while the chat waited. */
        INTERRUPTED
    }

    public boolean waiting() {
        return outcome == null;
    }
}
