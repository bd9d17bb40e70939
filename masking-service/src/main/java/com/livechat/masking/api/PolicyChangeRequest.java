package com.livechat.masking.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new masking policy and who sets it (recorded in the audit trail). */
public record PolicyChangeRequest(@NotNull Boolean pciEnabled, @NotNull Boolean piiEnabled,
        @NotBlank @Size(max = 100) String changedBy) {
}
