package com.livechat.masking.domain;

/** Which categories of findings are masked: PCI (cards, IBANs, SSNs) and PII (emails, phone numbers). */
public record MaskingScope(boolean pci, boolean pii) {

    public static final MaskingScope EVERYTHING = new MaskingScope(true, true);

    public boolean covers(SensitiveType type) {
        return switch (type.category()) {
            case PCI -> pci;
            case PII -> pii;
        };
    }
}
