package com.livechat.testsupport.stack;

import com.livechat.testsupport.KafkaAccess;
import com.livechat.testsupport.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Apache Kafka in KRaft mode on this machine, run from the Kafka jars on this JVM's class path, one process per node
 * (each node is broker and controller): {@code kafka.tools.StorageTool format} once, then {@code kafka.Kafka}.
 * One node, or a cluster of three (a three-voter quorum: one node may fail), whose topics are replicated three
 * times with {@code min.insync.replicas=2}.
 * <p>
 * Secured ({@link Cluster#adminPassword()} set): the client listener takes SASL/SCRAM-SHA-512 only, brokers talk to
 * each other on it as {@value KafkaAcls#ADMIN} (its SCRAM credential is written at format time), the controller
 * listener takes SASL/PLAIN for {@value KafkaAcls#ADMIN} only, and the {@code StandardAuthorizer} allows what
 * {@link KafkaAcls} grants, nothing to anyone else. Plaintext otherwise.
 */
public final class KafkaServerProcess {

    /** Log4j 2 configuration of the broker (and of the launcher), a resource of this module. */
    static final String LOGGING_CONFIG = "livechat-stack-log4j2.properties";
    /** Written at format time next to node 1's data: how many nodes the cluster was made with, its id, security. */
    static final String LAYOUT_FILE = "cluster.properties";
    /** The most nodes a local cluster has (each node is also a controller: a quorum of three). */
    public static final int MAX_NODES = 3;
    private static final String BROKER_MAIN = "kafka.Kafka";
    /**
     * System property: the brokers' {@code group.initial.rebalance.delay.ms}, 0 unless set (the tests' groups start
     * at once). The local stack sets {@value #STACK_INITIAL_REBALANCE_DELAY_MS}: a service restarted after a crash
     * joins its empty groups with several consumers (one per channel and per concurrent consumer), and with no delay
     * each of them started a rebalance of its own, one after the other (12 s on the busy machine); with a second to
     * gather, they are assigned in one.
     */
    public static final String INITIAL_REBALANCE_DELAY_PROPERTY = "livechat.kafka.initial-rebalance-delay-ms";
    public static final String STACK_INITIAL_REBALANCE_DELAY_MS = "1000";

    private KafkaServerProcess() {
    }

    /** One node: its id (1, 2, 3), client and controller ports, data directory and log. */
    public record Node(int id, int port, int controllerPort, Path directory, Path log) {

        /** The local stack's component name: {@code kafka} for node 1, {@code kafka-2}, {@code kafka-3}. */
        public String component() {
            return component(id);
        }

        public static String component(int id) {
            return id == 1 ? "kafka" : "kafka-" + id;
        }

        public String address() {
            return "127.0.0.1:" + port;
        }
    }

    /**
     * A cluster on this machine.
     *
     * @param adminPassword the password of {@value KafkaAcls#ADMIN}; null: plaintext, no authorization
     */
    public record Cluster(List<Node> nodes, String adminPassword) {

        /**
         * {@code count} nodes: node k listens on {@code port + 2(k-1)} and {@code controllerPort + 2(k-1)} (9092/9093,
         * 9094/9095, 9096/9097 by default), keeps its data in {@code home/kafka} (node 1) or {@code home/kafka-k},
         * and logs to {@code logs/<component>.log}.
         */
        public static Cluster local(Path home, Path logs, int count, int port, int controllerPort,
                String adminPassword) {
            if (count < 1 || count > MAX_NODES) {
                throw new IllegalArgumentException("A local Kafka cluster has 1 to " + MAX_NODES + " nodes, not " + count);
            }
            List<Node> nodes = new ArrayList<>();
            for (int id = 1; id <= count; id++) {
                String component = Node.component(id);
                nodes.add(new Node(id, port + 2 * (id - 1), controllerPort + 2 * (id - 1), home.resolve(component),
                        logs.resolve(component + ".log")));
            }
            return new Cluster(List.copyOf(nodes), adminPassword);
        }

        public boolean secured() {
            return adminPassword != null;
        }

        /** Every node's client address, comma-separated: what clients are given. */
        public String bootstrap() {
            return nodes.stream().map(Node::address).collect(Collectors.joining(","));
        }

        /** The administrator's access (plaintext when not secured). */
        public KafkaAccess admin() {
            return secured() ? KafkaAccess.scram(bootstrap(), KafkaAcls.ADMIN, adminPassword)
                    : KafkaAccess.plaintext(bootstrap());
        }

        /** 3 on three nodes, 1 on one. */
        public int replicationFactor() {
            return Math.min(3, nodes.size());
        }

        public Node node(int id) {
            return nodes.get(id - 1);
        }
    }

    /** How node 1's data was formatted, when this code formatted it. */
    public record Layout(String clusterId, int nodes, boolean secured) {
    }

    /**
     * Starts a plaintext single-node broker with its data under {@code directory}; returns the process once the
     * topics exist.
     */
    public static Process start(Path directory, int port, int controllerPort, Path log, Duration timeout) {
        Cluster cluster = new Cluster(List.of(new Node(1, port, controllerPort, directory, log)), null);
        Process broker = launch(cluster, cluster.node(1));
        awaitCluster(cluster, List.of(broker), timeout);
        provision(cluster, Map.of());
        return broker;
    }

    /**
     * Starts a whole cluster (formatting what is new) and waits until every node is up, then provisions it
     * ({@link #provision}); returns the processes, node 1 first.
     */
    public static List<Process> startCluster(Cluster cluster, Map<String, String> passwords, Duration timeout) {
        List<Process> processes = new ArrayList<>();
        try {
            for (Node node : cluster.nodes()) {
                processes.add(launch(cluster, node));
            }
            awaitCluster(cluster, processes, timeout);
            provision(cluster, passwords);
            return processes;
        } catch (RuntimeException e) {
            processes.forEach(Process::destroyForcibly);
            throw e;
        }
    }

    /** Formats the node's storage if it is new, writes its configuration and starts it, without waiting. */
    public static Process launch(Cluster cluster, Node node) {
        try {
            Path config = writeConfig(cluster, node);
            if (!Files.exists(node.directory().resolve("data/meta.properties"))) {
                format(cluster, node, config);
            }
            return java(node.component(), node.directory(), node.log(), BROKER_MAIN, config.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Kafka in " + node.directory(), e);
        }
    }

    /** How the cluster whose node 1 keeps its data in {@code directory} was made; empty if unknown or not formatted. */
    public static Optional<Layout> layout(Path directory) {
        Path file = directory.resolve(LAYOUT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return Optional.of(new Layout(properties.getProperty("cluster.id"),
                    Integer.parseInt(properties.getProperty("nodes", "1")),
                    Boolean.parseBoolean(properties.getProperty("secured", "false"))));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether node 1's data under {@code directory} exists at all (formatted, by this code or an older one). */
    public static boolean formatted(Path directory) {
        return Files.exists(directory.resolve("data/meta.properties"));
    }

    /**
     * Waits until every node of the cluster is a registered, unfenced broker; fails early, pointing at its log, if
     * one of {@code started} exits.
     */
    public static void awaitCluster(Cluster cluster, List<Process> started, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Process process : started) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka (pid " + process.pid() + ") exited with code "
                            + process.exitValue() + "; see the kafka*.log in " + cluster.node(1).log().getParent());
                }
            }
            if (brokers(cluster.admin()) >= cluster.nodes().size()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka", e);
            }
        }
        throw new IllegalStateException("Kafka did not answer at " + cluster.bootstrap() + " with " + cluster.nodes().size()
                + " node(s) within " + timeout + "; see " + cluster.node(1).log().getParent());
    }

    /**
     * Makes the cluster ready for the services, idempotently: the topics (replicated as {@link Cluster#replicationFactor}
     * says), and, when secured, the SCRAM credential of every principal of {@code passwords} but the administrator
     * (set at format time) and the ACLs of {@link KafkaAcls}.
     */
    public static void provision(Cluster cluster, Map<String, String> passwords) {
        TopicProvisioner.ensureTopics(cluster.admin(), cluster.replicationFactor());
        if (!cluster.secured()) {
            return;
        }
        try (Admin admin = Admin.create(cluster.admin().clientConfig())) {
            List<UserScramCredentialAlteration> users = passwords.entrySet().stream()
                    .filter(entry -> !entry.getKey().equals(KafkaAcls.ADMIN))
                    .<UserScramCredentialAlteration>map(entry -> new UserScramCredentialUpsertion(entry.getKey(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), entry.getValue()))
                    .toList();
            if (!users.isEmpty()) {
                admin.alterUserScramCredentials(users).all().get();
                awaitCredentials(admin, users.stream().map(UserScramCredentialAlteration::user).toList());
            }
            KafkaAcls.apply(admin);
            awaitLogins(cluster, passwords);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the Kafka users: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka users", e);
        }
    }

    /**
     * Waits until the brokers' metadata lists the new credentials, before anyone logs in with them (a login tried
     * earlier fails, and the client logs it as an ERROR).
     */
    private static void awaitCredentials(Admin admin, List<String> users) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                admin.describeUserScramCredentials(users).all().get(5, TimeUnit.SECONDS);
                Thread.sleep(500);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The Kafka users " + users + " did not appear: " + e.getMessage(), e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** Waits until every node lets every principal log in (a new credential reaches each broker with the metadata). */
    private static void awaitLogins(Cluster cluster, Map<String, String> passwords) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        for (Map.Entry<String, String> principal : passwords.entrySet()) {
            for (Node node : cluster.nodes()) {
                KafkaAccess access = KafkaAccess.scram(node.address(), principal.getKey(), principal.getValue());
                while (!answers(access)) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException(principal.getKey() + " cannot log in to Kafka at "
                                + node.address() + "; see " + node.log());
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                    }
                }
            }
        }
    }

    /** Whether a broker answers at {@code bootstrap} (plaintext). */
    public static boolean answers(String bootstrap) {
        return answers(KafkaAccess.plaintext(bootstrap));
    }

    /** Whether a broker answers to {@code access}. */
    public static boolean answers(KafkaAccess access) {
        return brokers(access) > 0;
    }

    /** How many live brokers the cluster reached through {@code access} counts; 0 when none answers. */
    public static int brokers(KafkaAccess access) {
        Map<String, Object> config = new HashMap<>(access.clientConfig());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            return 0;
        }
    }

    private static Path writeConfig(Cluster cluster, Node node) throws IOException {
        Path directory = node.directory();
        Files.createDirectories(directory.resolve("data"));
        int replicas = cluster.replicationFactor();
        int minInSync = TopicProvisioner.minInSyncReplicas(replicas);
        String voters = cluster.nodes().stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort())
                .collect(Collectors.joining(","));
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=" + node.id(),
                "controller.quorum.voters=" + voters,
                "listeners=CLIENT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort(),
                "advertised.listeners=CLIENT://127.0.0.1:" + node.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=CLIENT",
                "log.dirs=" + directory.resolve("data").toAbsolutePath(),
                "num.partitions=6",
                "default.replication.factor=" + replicas,
                "min.insync.replicas=" + minInSync,
                "offsets.topic.replication.factor=" + replicas,
                "transaction.state.log.replication.factor=" + replicas,
                "transaction.state.log.min.isr=" + minInSync,
                "share.coordinator.state.topic.replication.factor=" + replicas,
                "share.coordinator.state.topic.min.isr=" + minInSync,
                "group.initial.rebalance.delay.ms=" + System.getProperty(INITIAL_REBALANCE_DELAY_PROPERTY, "0"),
                "auto.create.topics.enable=false",
                // A segment rolls at least hourly, so a record leaves a topic at most an hour after its retention
                // (Kafka deletes whole closed segments only; docs/privacy.md).
                "log.roll.ms=3600000"));
        if (cluster.secured()) {
            String password = cluster.adminPassword();
            lines.addAll(List.of(
                    "listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT",
                    // Clients and brokers: SCRAM (credentials live in the cluster metadata).
                    "listener.name.client.sasl.enabled.mechanisms=" + KafkaAccess.MECHANISM,
                    "sasl.mechanism.inter.broker.protocol=" + KafkaAccess.MECHANISM,
                    "listener.name.client.scram-sha-512.sasl.jaas.config="
                            + KafkaAccess.jaasConfig(KafkaAcls.ADMIN, password),
                    // Controllers: PLAIN, the administrator only (a KRaft controller listener cannot use SCRAM).
                    "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                    "sasl.mechanism.controller.protocol=PLAIN",
                    "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain."
                            + "PlainLoginModule required username=\"" + KafkaAcls.ADMIN + "\" password=\"" + password
                            + "\" user_" + KafkaAcls.ADMIN + "=\"" + password + "\";",
                    "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                    "super.users=User:" + KafkaAcls.ADMIN,
                    "allow.everyone.if.no.acl.found=false"));
        } else {
            lines.add("listener.security.protocol.map=CLIENT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        }
        Path config = directory.resolve("server.properties");
        // It holds the administrator's password: its owner's only.
        Files.deleteIfExists(config);
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(config, String.join("\n", lines) + "\n");
        try (var logging = KafkaServerProcess.class.getResourceAsStream("/" + LOGGING_CONFIG)) {
            Files.copy(logging, directory.resolve(LOGGING_CONFIG), StandardCopyOption.REPLACE_EXISTING);
        }
        return config;
    }

    private static void format(Cluster cluster, Node node, Path config) throws IOException {
        Path first = cluster.node(1).directory();
        Optional<Layout> layout = layout(first);
        String clusterId;
        if (node.id() == 1 || layout.isEmpty()) {
            clusterId = Uuid.randomUuid().toString();
            Properties properties = new Properties();
            properties.setProperty("cluster.id", clusterId);
            properties.setProperty("nodes", Integer.toString(cluster.nodes().size()));
            properties.setProperty("secured", Boolean.toString(cluster.secured()));
            Files.createDirectories(first);
            try (var writer = Files.newBufferedWriter(first.resolve(LAYOUT_FILE), StandardCharsets.UTF_8)) {
                properties.store(writer, "How this Kafka cluster was formatted (KafkaServerProcess)");
            }
        } else {
            clusterId = layout.get().clusterId();
        }
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c", config.toString()));
        if (cluster.secured()) {
            args.addAll(List.of("-S", KafkaAccess.MECHANISM + "=[name=" + KafkaAcls.ADMIN + ",password="
                    + cluster.adminPassword() + "]"));
        }
        Process format = java(node.component(), node.directory(), node.log(), "kafka.tools.StorageTool",
                args.toArray(String[]::new));
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed; see " + node.log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private static Process java(String component, Path directory, Path log, String mainClass, String... args) {
        try {
            Files.createDirectories(log.getParent());
            String classPath = System.getProperty("java.class.path");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    LivechatService.componentMarker(component), "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + directory.resolve(LOGGING_CONFIG).toAbsolutePath()));
            Optional<Path> archives = ClassDataSharing.directory();
            if (archives.isPresent() && mainClass.equals(BROKER_MAIN)) {
                // The broker needs only the jars; a class path with directories cannot be archived.
                classPath = ClassDataSharing.jarsOnly(classPath);
                command.addAll(ClassDataSharing.options(archives.get(), component, classPath));
            }
            command.addAll(List.of("-cp", classPath, mainClass));
            command.addAll(List.of(args));
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + mainClass, e);
        }
    }
}
