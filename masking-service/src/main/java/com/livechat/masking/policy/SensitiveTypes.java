package com.livechat.masking.policy;

import com.livechat.masking.domain.SensitiveType;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A set of sensitive types as the database stores it: names separated by commas, in declaration order ("" for
 * none). A name this version does not know (a type removed since) is ignored when read, so its data is masked.
 */
final class SensitiveTypes {

    private SensitiveTypes() {
    }

    static String write(Set<SensitiveType> types) {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<SensitiveType> read(String stored) {
        Set<SensitiveType> types = EnumSet.noneOf(SensitiveType.class);
        if (stored == null || stored.isBlank()) {
            return types;
        }
        for (String name : stored.split(",")) {
            for (SensitiveType type : SensitiveType.values()) {
                if (type.name().equals(name.strip())) {
                    types.add(type);
                }
            }
        }
        return types;
    }
}
