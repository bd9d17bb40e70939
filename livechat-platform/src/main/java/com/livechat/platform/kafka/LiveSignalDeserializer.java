package com.livechat.platform.kafka;

import com.livechat.contracts.events.LiveSignal;

public class LiveSignalDeserializer extends JsonRecordDeserializer<LiveSignal> {

    public LiveSignalDeserializer() {
        super(LiveSignal.class);
    }
}
