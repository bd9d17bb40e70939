package com.livechat.platform.kafka;

import com.livechat.contracts.events.RoutingEvent;

public class RoutingEventDeserializer extends JsonRecordDeserializer<RoutingEvent> {

    public RoutingEventDeserializer() {
        super(RoutingEvent.class);
    }
}
