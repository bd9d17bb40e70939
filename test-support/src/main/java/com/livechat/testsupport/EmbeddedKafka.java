package com.livechat.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) inside the test JVM, started once and shared by
 * every test of that JVM. When {@code LIVECHAT_TEST_KAFKA_BOOTSTRAP} names a broker, that broker is used instead.
 */
public final class EmbeddedKafka {

    public static final String EXTERNAL_BROKER_ENV = "LIVECHAT_TEST_KAFKA_BOOTSTRAP";

    private static String bootstrapServers;

    private EmbeddedKafka() {
    }

    /** The bootstrap address of the shared broker, starting it (and creating the topics) on first use. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv(EXTERNAL_BROKER_ENV);
            bootstrapServers = external == null || external.isBlank() ? startInJvm() : external;
            TopicProvisioner.ensureTopics(bootstrapServers);
        }
        return bootstrapServers;
    }

    private static String startInJvm() {
        // The broker shares the test JVM: it must never exit or halt it (Kafka's own test harness does the same).
        Exit.setExitProcedure((status, message) -> System.err.println("Embedded Kafka asked to exit: " + message));
        Exit.setHaltProcedure((status, message) -> System.err.println("Embedded Kafka asked to halt: " + message));
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception ignored) {
                    // The JVM is exiting; the broker's temporary directories go with it.
                }
            }, "embedded-kafka-shutdown"));
            return cluster.bootstrapServers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker", e);
        }
    }
}
