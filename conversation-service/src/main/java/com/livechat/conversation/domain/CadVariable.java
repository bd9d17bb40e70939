package com.livechat.conversation.domain;

/** One call-associated-data variable of a conversation (custom attribute or system variable). */
public record CadVariable(String conversationId, String name, String value) {
}
