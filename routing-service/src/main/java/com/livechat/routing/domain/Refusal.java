package com.livechat.routing.domain;

import com.livechat.contracts.events.RejectionCode;

/** A routing command that cannot be carried out: answered with a {@code RoutingCommandRejected} event. */
public final class Refusal extends RuntimeException {

    private final RejectionCode code;

    public Refusal(RejectionCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
