package com.livechat.shared.events.serde;

import com.livechat.shared.events.ConversationCommand;

public class ConversationCommandDeserializer extends JsonRecordDeserializer<ConversationCommand> {

    public ConversationCommandDeserializer() {
        super(ConversationCommand.class);
    }
}
