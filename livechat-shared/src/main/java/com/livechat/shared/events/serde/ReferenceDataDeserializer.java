package com.livechat.shared.events.serde;

import com.livechat.shared.events.ReferenceData;

public class ReferenceDataDeserializer extends JsonRecordDeserializer<ReferenceData> {

    public ReferenceDataDeserializer() {
        super(ReferenceData.class);
    }
}
