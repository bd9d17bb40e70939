package com.livechat.platform.kafka;

import com.livechat.contracts.json.EventJson;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/** Kafka value serializer for every Livechat record. */
public class JsonRecordSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        return data == null ? null : EventJson.write(data).getBytes(StandardCharsets.UTF_8);
    }
}
