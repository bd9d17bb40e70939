package com.livechat.contracts.events;

/** Who wrote a message. */
public enum SenderType {
    CUSTOMER,
    AGENT,
    SYSTEM
}
