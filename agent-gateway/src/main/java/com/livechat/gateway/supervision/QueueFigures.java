package com.livechat.gateway.supervision;

import java.time.Instant;

/**
 * One queue's figures. Counts are for the current day (see {@link SupervisorFigures}); averages and the service
 * level are null when nothing was counted yet.
 *
 * @param waiting                 chats waiting in the queue now
 * @param oldestWaitingSince      when the chat waiting longest entered the queue (null when none waits)
 * @param longestWaitSeconds      how long that chat has waited, at the instant of the figures
 * @param offered                 chats that entered the queue today (new, transferred in or requeued)
 * @param answered                chats an agent joined today
 * @param abandoned               chats that left the queue today before an agent joined (customer left, time-out)
 * @param transferred             chats answered from this queue that the agent transferred on today
 * @param answeredWithinThreshold chats answered today within the service-level threshold
 * @param averageWaitSeconds      average time in queue of the chats answered today
 * @param averageHandleSeconds    average time from joining to wrap-up done, of the chats whose handling ended today
 * @param serviceLevel            answered within the threshold / (answered + abandoned), from 0 to 1
 * @param surveys                 satisfaction surveys of the queue's chats submitted today
 * @param averageRating           their average rating, from 1 to 5
 */
public record QueueFigures(String queueId, String queueName, int waiting, Instant oldestWaitingSince,
        long longestWaitSeconds, int offered, int answered, int abandoned, int transferred,
        int answeredWithinThreshold, Double averageWaitSeconds, Double averageHandleSeconds, Double serviceLevel,
        int surveys, Double averageRating) {
}
