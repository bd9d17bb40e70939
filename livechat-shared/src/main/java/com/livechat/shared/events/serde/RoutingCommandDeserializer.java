package com.livechat.shared.events.serde;

import com.livechat.shared.events.RoutingCommand;

public class RoutingCommandDeserializer extends JsonRecordDeserializer<RoutingCommand> {

    public RoutingCommandDeserializer() {
        super(RoutingCommand.class);
    }
}
