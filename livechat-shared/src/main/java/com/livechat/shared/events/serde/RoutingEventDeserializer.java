package com.livechat.shared.events.serde;

import com.livechat.shared.events.RoutingEvent;

public class RoutingEventDeserializer extends JsonRecordDeserializer<RoutingEvent> {

    public RoutingEventDeserializer() {
        super(RoutingEvent.class);
    }
}
