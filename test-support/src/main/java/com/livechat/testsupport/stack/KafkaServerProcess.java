package com.livechat.testsupport.stack;

import com.livechat.testsupport.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Apache Kafka broker in KRaft mode (one node, broker and controller), run from the Kafka jars on this
 * JVM's class path as its own process: {@code kafka.tools.StorageTool format} once, then {@code kafka.Kafka}.
 */
public final class KafkaServerProcess {

    /** Log4j 2 configuration of the broker (and of the launcher), a resource of this module. */
    static final String LOGGING_CONFIG = "livechat-stack-log4j2.properties";

    private KafkaServerProcess() {
    }

    /** Starts the broker with its data under {@code directory}; returns the process once topics exist. */
    public static Process start(Path directory, int port, int controllerPort, Path log, Duration timeout) {
        try {
            Path config = writeConfig(directory, port, controllerPort);
            if (!Files.exists(directory.resolve("data/meta.properties"))) {
                format(directory, config, log);
            }
            Process broker = java(directory, log, "kafka.Kafka", config.toString());
            String bootstrap = "127.0.0.1:" + port;
            awaitBroker(broker, bootstrap, log, timeout);
            TopicProvisioner.ensureTopics(bootstrap);
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Kafka in " + directory, e);
        }
    }

    /** Whether a broker answers at {@code bootstrap}. */
    public static boolean answers(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Path writeConfig(Path directory, int port, int controllerPort) throws IOException {
        Files.createDirectories(directory.resolve("data"));
        Path config = directory.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + directory.resolve("data").toAbsolutePath(),
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                // A segment rolls at least hourly, so a record leaves a topic at most an hour after its retention
                // (Kafka deletes whole closed segments only; docs/privacy.md).
                "log.roll.ms=3600000",
                "") + "\n");
        try (var logging = KafkaServerProcess.class.getResourceAsStream("/" + LOGGING_CONFIG)) {
            Files.copy(logging, directory.resolve(LOGGING_CONFIG), StandardCopyOption.REPLACE_EXISTING);
        }
        return config;
    }

    private static void format(Path directory, Path config, Path log) {
        Process format = java(directory, log, "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString());
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private static Process java(Path directory, Path log, String mainClass, String... args) {
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    LivechatService.componentMarker("kafka"), "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + directory.resolve(LOGGING_CONFIG).toAbsolutePath(),
                    "-cp", System.getProperty("java.class.path"), mainClass));
            command.addAll(List.of(args));
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + mainClass, e);
        }
    }

    private static void awaitBroker(Process broker, String bootstrap, Path log, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!broker.isAlive()) {
                throw new IllegalStateException("Kafka exited with code " + broker.exitValue() + "; see " + log);
            }
            if (answers(bootstrap)) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka", e);
            }
        }
        throw new IllegalStateException("Kafka did not answer at " + bootstrap + " within " + timeout + "; see " + log);
    }
}
