package com.livechat.platform.kafka;

import com.livechat.contracts.events.RoutingCommand;

public class RoutingCommandDeserializer extends JsonRecordDeserializer<RoutingCommand> {

    public RoutingCommandDeserializer() {
        super(RoutingCommand.class);
    }
}
