package com.livechat.shared.events;

/** Where an agent transfers a chat. */
public enum TransferTargetType {
    QUEUE,
    AGENT
}
