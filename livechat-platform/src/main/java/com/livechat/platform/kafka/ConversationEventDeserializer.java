package com.livechat.platform.kafka;

import com.livechat.contracts.events.ConversationEvent;

public class ConversationEventDeserializer extends JsonRecordDeserializer<ConversationEvent> {

    public ConversationEventDeserializer() {
        super(ConversationEvent.class);
    }
}
