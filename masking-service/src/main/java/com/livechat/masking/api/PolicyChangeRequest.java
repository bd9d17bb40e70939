package com.livechat.masking.api;

import com.livechat.masking.domain.SensitiveType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * A new masking policy. Who sets it is the caller's token (recorded in the audit trail); {@code changedBy}, which
 * callers used to send, is still accepted and ignored. {@code types} optionally switches single
 * types on or off within their category ({@code {"IT_CODICE_FISCALE": false}}); types it does not name keep their
 * setting, so a body without it (as before per-type switches existed) changes only the categories.
 */
public record PolicyChangeRequest(@NotNull Boolean pciEnabled, @NotNull Boolean piiEnabled,
        @Size(max = 100) String changedBy, Map<SensitiveType, @NotNull Boolean> types) {

    Map<SensitiveType, Boolean> typeSwitches() {
        return types == null ? Map.of() : types;
    }
}
