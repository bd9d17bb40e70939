package com.livechat.conversation.domain;

/** A state change the state machine does not allow; the message says what was attempted and what is allowed. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
