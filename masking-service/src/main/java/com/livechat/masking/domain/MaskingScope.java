package com.livechat.masking.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which findings are masked: those of a category that is on (PCI: cards, IBANs, identity numbers; PII: e-mails,
 * phone numbers) whose own type is not switched off.
 */
public record MaskingScope(boolean pci, boolean pii, Set<SensitiveType> typesOff) {

    public static final MaskingScope EVERYTHING = new MaskingScope(true, true);

    public MaskingScope {
        typesOff = typesOff.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(typesOff));
    }

    /** Both categories as given, every type on. */
    public MaskingScope(boolean pci, boolean pii) {
        this(pci, pii, Set.of());
    }

    public boolean covers(SensitiveType type) {
        boolean categoryOn = switch (type.category()) {
            case PCI -> pci;
            case PII -> pii;
        };
        return categoryOn && !typesOff.contains(type);
    }
}
