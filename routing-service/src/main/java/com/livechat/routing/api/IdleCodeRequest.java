package com.livechat.routing.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /admin/idle-codes/{code}}. */
public record IdleCodeRequest(@NotBlank @Size(max = 100) String label) {
}
