package com.livechat.conversation.domain;

import com.livechat.contracts.events.RejectionCode;

/** A command the conversation cannot carry out; becomes a {@code CommandRejected} event, never a failure. */
public class CommandRefusedException extends RuntimeException {

    private final RejectionCode code;

    public CommandRefusedException(RejectionCode code, String reason) {
        super(reason);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
