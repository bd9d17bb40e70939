package com.livechat.routing.api;

import com.livechat.routing.domain.IdleCode;

public record IdleCodeView(String code, String label) {

    static IdleCodeView of(IdleCode idleCode) {
        return new IdleCodeView(idleCode.code(), idleCode.label());
    }
}
