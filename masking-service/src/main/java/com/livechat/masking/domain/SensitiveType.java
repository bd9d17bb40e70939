package com.livechat.masking.domain;

/** What a finding is, and which policy switches govern its masking: its category's, and its own. */
public enum SensitiveType {

    CREDIT_CARD(Category.PCI),
    IBAN(Category.PCI),
    /** US social security number. */
    SSN(Category.PCI),
    /** French social security number (NIR, "numéro de sécurité sociale"). */
    FR_NIR(Category.PCI),
    /** UK National Insurance number. */
    UK_NINO(Category.PCI),
    /** Spanish national identity number (DNI) or foreigner identity number (NIE). */
    ES_DNI(Category.PCI),
    /** Italian tax code (codice fiscale). */
    IT_CODICE_FISCALE(Category.PCI),
    /** Belgian national register number (numéro de registre national / rijksregisternummer). */
    BE_NATIONAL_NUMBER(Category.PCI),
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
