package com.livechat.masking.domain;

/** What a finding is, and which policy switch governs its masking. */
public enum SensitiveType {

    CREDIT_CARD(Category.PCI),
    IBAN(Category.PCI),
    SSN(Category.PCI),
    EMAIL(Category.PII),
    PHONE(Category.PII);

    private final Category category;

    SensitiveType(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /** PCI (payment and identity numbers) is an admin switch; PII (contact details) is on by default. */
    public enum Category {
        PCI,
        PII
    }
}
