package com.livechat.shared.events.serde;

import com.livechat.shared.events.ConversationEvent;

public class ConversationEventDeserializer extends JsonRecordDeserializer<ConversationEvent> {

    public ConversationEventDeserializer() {
        super(ConversationEvent.class);
    }
}
