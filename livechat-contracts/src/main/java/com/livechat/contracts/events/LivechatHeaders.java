package com.livechat.contracts.events;

/** Kafka record headers with a meaning in the contract. */
public final class LivechatHeaders {

    /**
     * On {@link Topics#CONVERSATION_COMMANDS}: {@code on} when the masking service masked PCI data (card numbers,
     * IBANs, SSNs) in the command, {@code off} when an administrator turned PCI masking off. A command without the
     * header is treated as masked.
     */
    public static final String PCI_MASKING = "livechat-pci-masking";
    public static final String ON = "on";
    public static final String OFF = "off";

    private LivechatHeaders() {
    }
}
