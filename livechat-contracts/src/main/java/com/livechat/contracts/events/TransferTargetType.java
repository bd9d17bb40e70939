package com.livechat.contracts.events;

/** Where an agent transfers a chat. */
public enum TransferTargetType {
    QUEUE,
    AGENT
}
