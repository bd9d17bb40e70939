package com.livechat.conversation.domain;

/** What happens when the target of a transfer to an agent does not accept in time (or cannot be offered it). */
public enum UnansweredTransferPolicy {
    /** Back into the queue the chat was in, with its original waiting time: no customer is dropped. */
    REQUEUE,
    /** The literal seed behaviour: the transfer request is abandoned, the chat ends as abandoned. */
    ABANDON
}
