package com.livechat.routing.api;

import com.livechat.contracts.events.BusinessHours;
import com.livechat.platform.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /admin/queues/{id}}; absent optional fields take their defaults ({@code waitingNoticeSeconds}:
 * 60, 0 for no notice; a blank {@code waitingNoticeText}: the widget's own text). The strategy is a string checked
 * here, so an unknown one gets a field error rather than an opaque JSON mapping failure. {@code businessHours}
 * (absent: always open) is checked by {@code OpeningHours.check} (400 {@code INVALID_BUSINESS_HOURS}).
 */
public record QueueRequest(
        @NotBlank @Size(max = 200) @PlainText String name,
        @Min(5) @Max(600) Integer ronaTimeoutSeconds,
        @Min(1) @Max(86400) Integer maxWaitSeconds,
        @Min(1) @Max(86400) Integer inactivityWarningSeconds,
        @Min(1) @Max(3600) Integer inactivityGraceSeconds,
        @Min(0) @Max(86400) Integer waitingNoticeSeconds,
        @Size(max = 500) @PlainText String waitingNoticeText,
        @Pattern(regexp = "LONGEST_AVAILABLE_AGENT", message = "must be LONGEST_AVAILABLE_AGENT") String strategy,
        BusinessHours businessHours) {
}
