package com.livechat.shared.events;

/** Who wrote a message. */
public enum SenderType {
    CUSTOMER,
    AGENT,
    SYSTEM
}
