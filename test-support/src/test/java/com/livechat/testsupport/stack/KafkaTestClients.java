package com.livechat.testsupport.stack;

import com.livechat.testsupport.KafkaAccess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.HashMap;
import java.util.Map;

/** The Kafka clients the broker tests of this package read with. */
final class KafkaTestClients {

    private KafkaTestClients() {
    }

    /** A consumer of {@code group} as {@code access}'s principal, from the earliest record, committing by hand. */
    static KafkaConsumer<String, String> consumer(KafkaAccess access, String group) {
        Map<String, Object> config = new HashMap<>(access.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
