package com.livechat.platform.kafka;

import com.livechat.contracts.events.ConversationCommand;

public class ConversationCommandDeserializer extends JsonRecordDeserializer<ConversationCommand> {

    public ConversationCommandDeserializer() {
        super(ConversationCommand.class);
    }
}
