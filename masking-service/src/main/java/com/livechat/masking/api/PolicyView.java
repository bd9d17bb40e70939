package com.livechat.masking.api;

import com.livechat.masking.domain.MaskingPolicy;

import java.time.Instant;

/** The stored masking policy as the admin sees it. */
public record PolicyView(boolean pciEnabled, boolean piiEnabled, Instant updatedAt, String updatedBy) {

    static PolicyView of(MaskingPolicy policy) {
        return new PolicyView(policy.pciEnabled(), policy.piiEnabled(), policy.updatedAt(), policy.updatedBy());
    }
}
