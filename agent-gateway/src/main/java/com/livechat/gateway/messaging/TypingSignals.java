package com.livechat.gateway.messaging;

import com.livechat.contracts.events.LiveSignal;

/** Where a typing signal read from {@code livechat.typing} goes: the sockets of this instance. */
public interface TypingSignals {

    void typing(LiveSignal.Typing signal);
}
