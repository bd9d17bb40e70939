package com.livechat.routing.api;

import com.livechat.platform.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Body of {@code PUT /admin/agents/{id}}: capacity defaults to 3, queues to none. */
public record AgentRequest(
        @NotBlank @Size(max = 200) @PlainText String displayName,
        @Size(max = 100) List<@NotBlank @PlainText String> queueIds,
        @Min(1) @Max(10) Integer capacity) {
}
