package com.livechat.testsupport.stack;

import static com.livechat.testsupport.stack.KafkaTestClients.consumer;

import com.livechat.contracts.events.Topics;
import com.livechat.testsupport.KafkaAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, on a real broker secured as the local stack secures it (SASL/SCRAM, {@link KafkaAcls}): a client
 * without credentials can neither read nor write, each service's principal may write and read exactly its topics
 * with its own consumer groups, and nothing else.
 */
class KafkaSecurityTest {

    @TempDir
    static Path directory;

    private static KafkaServerProcess.Cluster cluster;
    private static Map<String, String> passwords;
    private static List<Process> processes = List.of();

    @BeforeAll
    static void startSecuredBroker() {
        passwords = KafkaPasswords.ensure(directory, KafkaAcls.principals());
        KafkaServerProcess.Node node = new KafkaServerProcess.Node(1, ServiceEnvironment.freePort(),
                ServiceEnvironment.freePort(), directory.resolve("kafka"), directory.resolve("logs/kafka.log"));
        cluster = new KafkaServerProcess.Cluster(List.of(node), passwords.get(KafkaAcls.ADMIN));
        processes = KafkaServerProcess.startCluster(cluster, passwords, Duration.ofMinutes(2));
        // One record on every topic, so that a reader allowed to read it sees it.
        try (KafkaProducer<String, String> producer = producer(cluster.admin())) {
            for (Topics.TopicSpec topic : Topics.ALL) {
                producer.send(new ProducerRecord<>(topic.name(), "key", "seed")).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("The administrator could not write", e);
        }
    }

    @AfterAll
    static void stopBroker() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aClientWithoutCredentialsCanNeitherWriteNorRead() throws Exception {
        KafkaAccess anonymous = KafkaAccess.plaintext(cluster.bootstrap());
        try (KafkaProducer<String, String> producer = producer(anonymous)) {
            assertThrows(Exception.class, () -> producer.send(new ProducerRecord<>(Topics.INBOUND, "c1",
                    "{\"type\":\"EndByCustomer\"}")).get(15, TimeUnit.SECONDS));
        }
        try (KafkaConsumer<String, String> consumer = consumer(anonymous, "masking-service")) {
            TopicPartition partition = new TopicPartition(Topics.INBOUND, 0);
            consumer.assign(List.of(partition));
            int seen = 0;
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < until) {
                try {
                    seen += consumer.poll(Duration.ofMillis(500)).count();
                } catch (KafkaException refused) {
                    break;
                }
            }
            assertEquals(0, seen, "an unauthenticated client read livechat.inbound");
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        KafkaAccess impostor = KafkaAccess.scram(cluster.bootstrap(), "masking", "not-the-password");
        try (KafkaConsumer<String, String> consumer = consumer(impostor, "masking-service")) {
            consumer.assign(List.of(new TopicPartition(Topics.INBOUND, 0)));
            assertThrows(AuthenticationException.class, () -> {
                for (int i = 0; i < 20; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            });
        }
        try (KafkaProducer<String, String> producer = producer(impostor)) {
            assertInstanceOf(AuthenticationException.class, refusal(producer, Topics.CONVERSATION_COMMANDS));
        }
    }

    @Test
    void theConversationServiceCannotWriteTheInboundTopicNorForgeAgentCommands() {
        try (KafkaProducer<String, String> producer = producer(access("conversation"))) {
            for (String topic : List.of(Topics.INBOUND, Topics.ROUTING_COMMANDS)) {
                assertInstanceOf(TopicAuthorizationException.class, refusal(producer, topic), topic);
            }
        }
    }

    @Test
    void theRoutingServiceCannotReadTheUnmaskedInboundTopic() {
        try (KafkaConsumer<String, String> consumer = consumer(access("routing"), "routing-service")) {
            consumer.subscribe(List.of(Topics.INBOUND));
            assertThrows(TopicAuthorizationException.class, () -> {
                for (int i = 0; i < 30; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            });
        }
    }

    @Test
    void aServiceCannotUseAnotherServicesConsumerGroup() {
        try (KafkaConsumer<String, String> consumer = consumer(access("gateway"), "masking-service")) {
            consumer.subscribe(List.of(Topics.CONVERSATION_EVENTS));
            assertThrows(GroupAuthorizationException.class, () -> {
                for (int i = 0; i < 30; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            });
        }
    }

    /** Every principal against every topic: it writes exactly its topics, and nothing else. */
    @Test
    void eachPrincipalWritesExactlyItsTopics() {
        List<String> wrong = new ArrayList<>();
        for (KafkaAcls.Grant grant : KafkaAcls.GRANTS) {
            for (Topics.TopicSpec topic : Topics.ALL) {
                boolean allowed = grant.writes().contains(topic.name());
                try (KafkaProducer<String, String> producer = producer(access(grant.principal()))) {
                    Throwable refused = refusal(producer, topic.name());
                    if (allowed && refused != null) {
                        wrong.add(grant.principal() + " could not write " + topic.name() + ": " + refused);
                    } else if (!allowed && !(refused instanceof TopicAuthorizationException)) {
                        wrong.add(grant.principal() + " wrote " + topic.name() + (refused == null ? "" : ": " + refused));
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Every principal against every topic, with its own consumer group: it reads exactly its topics. */
    @Test
    void eachPrincipalReadsExactlyItsTopicsWithItsOwnGroup() throws Exception {
        List<String> wrong = new ArrayList<>();
        try (KafkaProducer<String, String> administrator = producer(cluster.admin())) {
            for (KafkaAcls.Grant grant : KafkaAcls.GRANTS) {
                String group = grant.groupPattern() == PatternType.PREFIXED ? grant.group() + "probe" : grant.group();
                for (Topics.TopicSpec topic : Topics.ALL) {
                    boolean allowed = grant.reads().contains(topic.name());
                    // A fresh record for each probe: the seed of @BeforeAll may be gone by now (livechat.typing keeps
                    // its records 10 s), and an allowed reader must have something to read.
                    administrator.send(new ProducerRecord<>(topic.name(), "key", "probe")).get(30, TimeUnit.SECONDS);
                    try (KafkaConsumer<String, String> consumer = consumer(access(grant.principal()), group)) {
                        consumer.subscribe(List.of(topic.name()));
                        int seen = 0;
                        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                        while (seen == 0 && System.nanoTime() < until) {
                            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(250));
                            seen += records.count();
                        }
                        if (seen > 0) {
                            consumer.commitSync();
                        }
                        if (allowed != (seen > 0)) {
                            wrong.add(grant.principal() + (allowed ? " read nothing from " : " read ") + topic.name());
                        }
                    } catch (TopicAuthorizationException e) {
                        if (allowed) {
                            wrong.add(grant.principal() + " may not read " + topic.name() + ": " + e.getMessage());
                        }
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** An outside system's principal (docs/events.md, Access control) may do nothing until it is granted. */
    @Test
    void aNewPrincipalMayDoNothingUntilGranted() throws Exception {
        try (Admin admin = Admin.create(cluster.admin().clientConfig())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("crm",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "crm-password"))).all().get();
        }
        KafkaAccess crm = KafkaAccess.scram(cluster.bootstrap(), "crm", "crm-password");
        try (KafkaConsumer<String, String> consumer = consumer(crm, "crm-reader")) {
            consumer.subscribe(List.of(Topics.CONVERSATION_EVENTS));
            assertThrows(AuthorizationException.class, () -> {
                for (int i = 0; i < 30; i++) {
                    consumer.poll(Duration.ofMillis(500));
                }
            });
        }
        assertFalse(KafkaAcls.principals().contains("crm"));
    }

    /** Why writing one record to {@code topic} failed, or null when it was written. */
    private static Throwable refusal(KafkaProducer<String, String> producer, String topic) {
        try {
            producer.send(new ProducerRecord<>(topic, "key", "{\"type\":\"EndByCustomer\"}")).get(15, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    private static KafkaAccess access(String principal) {
        return KafkaAccess.scram(cluster.bootstrap(), principal, passwords.get(principal));
    }

    private static KafkaProducer<String, String> producer(KafkaAccess access) {
        Map<String, Object> config = new HashMap<>(access.clientConfig());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
