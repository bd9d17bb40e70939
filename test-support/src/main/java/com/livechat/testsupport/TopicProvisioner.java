package com.livechat.testsupport;

import com.livechat.contracts.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates every topic of {@link Topics#ALL} that does not exist yet, with its partitions and configuration; on a
 * replicated cluster with replication factor 3 and {@code min.insync.replicas=2}, so that an acknowledged record
 * (acks=all) is on two brokers at least and one broker may fail without loss or refusal.
 */
public final class TopicProvisioner {

    private TopicProvisioner() {
    }

    public static void ensureTopics(String bootstrapServers) {
        ensureTopics(KafkaAccess.plaintext(bootstrapServers), 1);
    }

    /** With {@code replicationFactor} 3 or more: {@code min.insync.replicas} is one less (2 for 3), else 1. */
    public static void ensureTopics(KafkaAccess access, int replicationFactor) {
        try (Admin admin = Admin.create(access.clientConfig())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) replicationFactor)
                            .configs(config(spec, replicationFactor)))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create the Livechat topics on " + access.bootstrap(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    /** The {@code min.insync.replicas} of a topic replicated {@code replicationFactor} times. */
    public static int minInSyncReplicas(int replicationFactor) {
        return replicationFactor >= 3 ? replicationFactor - 1 : 1;
    }

    private static Map<String, String> config(Topics.TopicSpec spec, int replicationFactor) {
        Map<String, String> config = new HashMap<>(spec.config());
        if (replicationFactor > 1) {
            config.put("min.insync.replicas", Integer.toString(minInSyncReplicas(replicationFactor)));
        }
        return config;
    }
}
