package com.livechat.testsupport.stack;

import static com.livechat.testsupport.stack.KafkaTestClients.consumer;

import com.livechat.contracts.events.Topics;
import com.livechat.testsupport.KafkaAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, the replicated broker: three KRaft nodes started as {@code ./livechat up --brokers 3} starts them,
 * every topic replicated three times with {@code min.insync.replicas=2}; with one node killed, what was
 * acknowledged is still there and writes (acks=all) and reads go on.
 */
class KafkaReplicationTest {

    @TempDir
    Path directory;

    private List<Process> processes = List.of();

    @AfterEach
    void stopCluster() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void oneNodeMayDieWithoutLossOrRefusal() throws Exception {
        Map<String, String> passwords = KafkaPasswords.ensure(directory, KafkaAcls.principals());
        List<KafkaServerProcess.Node> nodes = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            String component = KafkaServerProcess.Node.component(id);
            nodes.add(new KafkaServerProcess.Node(id, ServiceEnvironment.freePort(), ServiceEnvironment.freePort(),
                    directory.resolve(component), directory.resolve("logs").resolve(component + ".log")));
        }
        KafkaServerProcess.Cluster cluster = new KafkaServerProcess.Cluster(nodes, passwords.get(KafkaAcls.ADMIN));
        processes = KafkaServerProcess.startCluster(cluster, passwords, Duration.ofMinutes(2));

        try (Admin admin = Admin.create(cluster.admin().clientConfig())) {
            List<String> names = Topics.ALL.stream().map(Topics.TopicSpec::name).toList();
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
            for (TopicDescription topic : topics.values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    assertEquals(3, partition.replicas().size(), topic.name() + " " + partition.partition());
                }
            }
            List<ConfigResource> resources = names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            for (Map.Entry<ConfigResource, Config> config : configs.entrySet()) {
                assertEquals("2", config.getValue().get("min.insync.replicas").value(), config.getKey().name());
            }
        }

        KafkaAccess conversation = KafkaAccess.scram(cluster.bootstrap(), "conversation", passwords.get("conversation"));
        Set<String> written = new TreeSet<>();
        try (KafkaProducer<String, String> producer = producer(conversation)) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, "c" + (i % 6), "before-" + i)).get(30, TimeUnit.SECONDS);
                written.add("before-" + i);
            }
        }

        // The node leading partition 0 dies as a crash would (SIGKILL).
        int leader;
        try (Admin admin = Admin.create(cluster.admin().clientConfig())) {
            leader = admin.describeTopics(List.of(Topics.CONVERSATION_EVENTS)).allTopicNames().get()
                    .get(Topics.CONVERSATION_EVENTS).partitions().get(0).leader().id();
        }
        Process killed = processes.get(leader - 1);
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(!killed.isAlive());
        List<String> survivors = new ArrayList<>();
        for (KafkaServerProcess.Node node : nodes) {
            if (node.id() != leader) {
                survivors.add(node.address());
            }
        }
        KafkaAccess survivingConversation = conversation.at(String.join(",", survivors));

        try (KafkaProducer<String, String> producer = producer(survivingConversation)) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, "c" + (i % 6), "after-" + i)).get(60, TimeUnit.SECONDS);
                written.add("after-" + i);
            }
        }

        KafkaAccess routing = KafkaAccess.scram(String.join(",", survivors), "routing", passwords.get("routing"));
        Set<String> read = new TreeSet<>();
        try (KafkaConsumer<String, String> consumer = consumer(routing, "routing-service")) {
            consumer.subscribe(List.of(Topics.CONVERSATION_EVENTS));
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read.size() < written.size() && System.nanoTime() < until) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read.add(record.value());
                }
            }
            consumer.commitSync();
        }
        assertEquals(written, read, "every acknowledged record, before and after the node died");
        assertEquals(60, read.size());
    }

    private static KafkaProducer<String, String> producer(KafkaAccess access) {
        Map<String, Object> config = new HashMap<>(access.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
