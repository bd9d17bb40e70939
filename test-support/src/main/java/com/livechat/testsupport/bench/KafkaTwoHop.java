package com.livechat.testsupport.bench;

import com.livechat.testsupport.KafkaAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The raw broker, measured in the same run: a record produced to one topic (acks=all), read by a forwarder that
 * produces it to a second topic, read there. Two hops, like gateway → masking → conversation without any work.
 */
final class KafkaTwoHop {

    private static final String HOP1 = "livechat.bench.hop1";
    private static final String HOP2 = "livechat.bench.hop2";

    private final String bootstrap;
    private final Latencies latencies = new Latencies();

    KafkaTwoHop(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Latencies latencies() {
        return latencies;
    }

    /** Sends {@code ratePerSecond} records for {@code duration}, then waits for the last ones. */
    void run(int ratePerSecond, Duration duration) throws Exception {
        createTopics();
        String group = "bench-" + UUID.randomUUID();
        AtomicBoolean running = new AtomicBoolean(true);
        try (KafkaProducer<String, String> producer = producer();
                KafkaConsumer<String, String> hop1 = consumer(group + "-1", HOP1);
                KafkaConsumer<String, String> hop2 = consumer(group + "-2", HOP2)) {
            awaitAssignment(hop1);
            awaitAssignment(hop2);
            Thread forwarder = new Thread(() -> {
                try (KafkaProducer<String, String> forward = producer()) {
                    while (running.get()) {
                        for (ConsumerRecord<String, String> record : hop1.poll(Duration.ofMillis(20))) {
                            forward.send(new ProducerRecord<>(HOP2, record.key(), record.value()));
                        }
                    }
                }
            }, "bench-kafka-forwarder");
            int expected = (int) (ratePerSecond * duration.toSeconds());
            int[] received = {0};
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : hop2.poll(Duration.ofMillis(20))) {
                        latencies.add(System.nanoTime() - Long.parseLong(record.value()));
                        received[0]++;
                    }
                }
            }, "bench-kafka-reader");
            forwarder.start();
            reader.start();
            long start = System.nanoTime();
            long interval = 1_000_000_000L / ratePerSecond;
            for (int i = 0; i < expected; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                producer.send(new ProducerRecord<>(HOP1, "k" + (i % 6), Long.toString(System.nanoTime())));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (latencies.count() < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            running.set(false);
            forwarder.join();
            reader.join();
        }
    }

    private void createTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(KafkaAccess.fromEnvironment(bootstrap).clientConfig())) {
            for (String topic : List.of(HOP1, HOP2)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.putAll(KafkaAccess.fromEnvironment(bootstrap).clientConfig());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(String group, String topic) {
        return consumer(bootstrap, group, topic);
    }

    static KafkaConsumer<String, String> consumer(String bootstrap, String group, String... topics) {
        Properties properties = new Properties();
        // On a secured broker: the principal of LIVECHAT_KAFKA_USERNAME (./livechat bench gives it the bench's).
        properties.putAll(KafkaAccess.fromEnvironment(bootstrap).clientConfig());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    /** Polls until the group has given the consumer its partitions (records before that would be missed). */
    static void awaitAssignment(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        if (consumer.assignment().isEmpty()) {
            throw new IllegalStateException("The bench's Kafka consumer got no partition within 30 s");
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
    }
}
