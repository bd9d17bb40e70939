package com.livechat.routing.api;

import com.livechat.routing.domain.RoutingStrategy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /admin/queues/{id}}; absent optional fields take their defaults. */
public record QueueRequest(
        @NotBlank @Size(max = 200) String name,
        @Min(5) @Max(600) Integer ronaTimeoutSeconds,
        @Min(1) @Max(86400) Integer maxWaitSeconds,
        RoutingStrategy strategy) {
}
