package com.livechat.masking.api;

import com.livechat.masking.domain.MaskingPolicy;
import com.livechat.masking.domain.SensitiveType;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The stored masking policy as the admin sees it: the two categories, and every type with whether it is masked
 * under this policy (its category on and the type itself not switched off).
 */
public record PolicyView(boolean pciEnabled, boolean piiEnabled, Map<SensitiveType, TypeView> types,
        Instant updatedAt, String updatedBy) {

    static PolicyView of(MaskingPolicy policy) {
        Map<SensitiveType, TypeView> types = new EnumMap<>(SensitiveType.class);
        for (SensitiveType type : SensitiveType.values()) {
            types.put(type, new TypeView(type.category(), !policy.typesOff().contains(type), policy.masks(type)));
        }
        return new PolicyView(policy.pciEnabled(), policy.piiEnabled(), types, policy.updatedAt(), policy.updatedBy());
    }

    /** A type's category, its own switch, and whether it is masked (switch and category both on). */
    public record TypeView(SensitiveType.Category category, boolean enabled, boolean masked) {
    }
}
