package com.livechat.routing.domain;

import java.time.Instant;

/** A chat waiting in a queue with no offer open. */
public class WaitingChat {

    public String conversationId;
    public String queueId;
    public String customerName;
    public boolean proactive;
    /**
     * A message the customer left (the widget's message form), not a live chat: the queue's maximum wait never ends
     * it ({@link RoutingQueue#maxWaitPassed}); it waits until an agent can take it.
     */
    public boolean leftMessage;
    /** When the chat first entered any queue: its place in FIFO order, kept across requeues and transfers. */
    public Instant waitingSince;
    /** When the chat entered its current queue: the queue's maximum time in queue counts from here. */
    public Instant enteredQueueAt;
}
