package com.livechat.contracts.events;

/** Why a conversation (re)enters a queue. */
public enum QueueReason {
    NEW,
    TRANSFER,
    REQUEUE
}
