package com.livechat.masking.api;

import jakarta.validation.constraints.NotBlank;

/** Text to mask; {@code pci} and {@code pii} override the current policy when given. */
public record MaskRequest(@NotBlank String text, Boolean pci, Boolean pii) {
}
