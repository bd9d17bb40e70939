package com.livechat.conversation.domain;

import java.time.Instant;

/** An admin-defined reason an agent picks when wrapping up ("Resolved", "Call back later"...). */
public record WrapUpReason(String code, String label, Instant updatedAt) {
}
