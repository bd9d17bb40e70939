package com.livechat.platform.kafka;

import com.livechat.contracts.json.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.nio.charset.StandardCharsets;

/** Kafka value deserializer for one family of records; one small subclass per topic family names the type. */
public abstract class JsonRecordDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    protected JsonRecordDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.read(new String(data, StandardCharsets.UTF_8), type);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Unreadable record on " + topic + ": " + e.getMessage(), e);
        }
    }
}
