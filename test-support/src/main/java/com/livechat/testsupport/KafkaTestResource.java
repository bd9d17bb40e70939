package com.livechat.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Gives a {@code @QuarkusTest} the shared real broker of {@link EmbeddedKafka}, with every topic created. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", EmbeddedKafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test of the JVM; stopped when the JVM exits.
    }
}
