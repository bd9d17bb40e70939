package com.livechat.masking.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What is masked: PCI data (cards, IBANs, identity numbers) and PII (e-mails, phone numbers), each type of which
 * can also be switched off on its own ({@code typesOff}, empty by default: every type on), with who set it last.
 */
public record MaskingPolicy(boolean pciEnabled, boolean piiEnabled, Set<SensitiveType> typesOff, Instant updatedAt,
        String updatedBy, long version) {

    /** Used until the stored policy has been read: masking everything is the only safe guess. */
    public static final MaskingPolicy FAIL_SAFE = new MaskingPolicy(true, true, Set.of(), Instant.EPOCH,
            "fail-safe default", 0);

    public MaskingPolicy {
        typesOff = typesOff.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(typesOff));
    }

    public MaskingScope scope() {
        return new MaskingScope(pciEnabled, piiEnabled, typesOff);
    }

    /** Whether findings of {@code type} are masked under this policy. */
    public boolean masks(SensitiveType type) {
        return scope().covers(type);
    }
}
