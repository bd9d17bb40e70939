package com.livechat.routing.api;

import com.livechat.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /admin/idle-codes/{code}}. */
public record IdleCodeRequest(@NotBlank @Size(max = 100) @PlainText String label) {
}
