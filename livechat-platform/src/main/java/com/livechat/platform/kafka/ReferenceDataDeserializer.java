package com.livechat.platform.kafka;

import com.livechat.contracts.events.ReferenceData;

public class ReferenceDataDeserializer extends JsonRecordDeserializer<ReferenceData> {

    public ReferenceDataDeserializer() {
        super(ReferenceData.class);
    }
}
