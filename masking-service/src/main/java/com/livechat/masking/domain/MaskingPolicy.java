package com.livechat.masking.domain;

import java.time.Instant;

/** What is masked: PCI data (cards, IBANs, SSNs) and PII (e-mails, phone numbers), with who set it last. */
public record MaskingPolicy(boolean pciEnabled, boolean piiEnabled, Instant updatedAt, String updatedBy, long version) {

    /** Used until the stored policy has been read: masking everything is the only safe guess. */
    public static final MaskingPolicy FAIL_SAFE = new MaskingPolicy(true, true, Instant.EPOCH, "fail-safe default", 0);

    public MaskingScope scope() {
        return new MaskingScope(pciEnabled, piiEnabled);
    }
}
