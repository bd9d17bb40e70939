package com.livechat.testsupport.stack;

import com.livechat.contracts.events.Topics;
import com.livechat.testsupport.KafkaAccess;
import com.livechat.testsupport.PostgresServer;
import com.livechat.testsupport.TopicProvisioner;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./livechat up [-d] | down | status}: the whole system on this machine. A real Kafka broker (KRaft) and
 * the four services run as processes whose ids are kept in {@code .livechat/run}; {@code down} stops exactly those.
 * {@code up} keeps whatever already runs and starts the rest, so running it twice is harmless.
 * <p>
 * Kafka is one node ({@code kafka}) or, with {@code --brokers 3} or {@code LIVECHAT_KAFKA_NODES=3}, three
 * ({@code kafka}, {@code kafka-2}, {@code kafka-3}: topics replicated three times, {@code min.insync.replicas=2}).
 * Its client listener takes SASL/SCRAM only: each service, the bench and the administrator have their own principal
 * and random password ({@link KafkaPasswords}) and may do what {@link KafkaAcls} grants.
 */
public final class LocalStack {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** The HTTP port of the second gateway instance ({@code --gateways 2}); a third takes the next one. */
    static final int EXTRA_GATEWAY_PORT = 8084;
    /**
     * Names each service instance to Kafka (the platform's {@code StaticMembers}): its component name, unique in the
     * stack and the same after a restart.
     */
    static final String STATIC_MEMBER_ID = "LIVECHAT_KAFKA_STATIC_MEMBER_ID";

    private final Path root = LivechatService.repositoryRoot();
    private final Path home = root.resolve(".livechat");
    private final Path runDirectory = home.resolve("run");
    private final Path logDirectory = home.resolve("logs");
    private final int kafkaPort = intEnv("LIVECHAT_KAFKA_PORT", 9092);
    private final int controllerPort = intEnv("LIVECHAT_KAFKA_CONTROLLER_PORT", 9093);
    /** Kafka nodes asked for ({@code --brokers N}, else {@code LIVECHAT_KAFKA_NODES}); empty: as formatted, else 1. */
    private Optional<Integer> requestedNodes = Optional.ofNullable(System.getenv("LIVECHAT_KAFKA_NODES"))
            .filter(value -> !value.isBlank()).map(Integer::parseInt);
    /** Where the services listen: this machine only, unless {@code LIVECHAT_BIND_ADDRESS} says otherwise. */
    private final String bindAddress = Optional.ofNullable(System.getenv("LIVECHAT_BIND_ADDRESS"))
            .filter(address -> !address.isBlank()).orElse("127.0.0.1");
    private String adminPassword;

    public static void main(String[] args) throws Exception {
        // Before any Kafka client exists: their INFO logging would bury what the launcher prints.
        System.setProperty("log4j2.configurationFile",
                String.valueOf(LocalStack.class.getResource("/" + KafkaServerProcess.LOGGING_CONFIG)));
        // The services run for a while: the full JIT (see ServiceProcess.RUN_OPTIONS), unless told otherwise.
        System.setProperty(ServiceProcess.JVM_OPTIONS_PROPERTY, Optional.ofNullable(System.getenv("LIVECHAT_JVM_OPTIONS"))
                .filter(options -> !options.isBlank()).orElse(String.join(" ", ServiceProcess.RUN_OPTIONS)));
        // The class-data archives of the brokers and services, in .livechat/cds: a restarted one starts sooner.
        System.setProperty(ClassDataSharing.DIRECTORY_PROPERTY, LivechatService.repositoryRoot()
                .resolve(".livechat/cds").toString());
        System.setProperty(KafkaServerProcess.INITIAL_REBALANCE_DELAY_PROPERTY,
                KafkaServerProcess.STACK_INITIAL_REBALANCE_DELAY_MS);
        LocalStack stack = new LocalStack();
        String command = args.length == 0 ? "" : args[0];
        boolean detached = List.of(args).contains("-d") || List.of(args).contains("--detach");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--brokers") && i + 1 < args.length) {
                stack.requestedNodes = Optional.of(Integer.parseInt(args[++i]));
            } else if (args[i].startsWith("--brokers=")) {
                stack.requestedNodes = Optional.of(Integer.parseInt(args[i].substring("--brokers=".length())));
            }
        }
        if (stack.requestedNodes.filter(n -> n != 1 && n != KafkaServerProcess.MAX_NODES).isPresent()) {
            System.err.println("ERROR: --brokers (LIVECHAT_KAFKA_NODES) is 1 or " + KafkaServerProcess.MAX_NODES);
            System.exit(2);
        }
        try {
            switch (command) {
                case "up" -> stack.up(detached, gatewaysOption(args));
                case "down" -> stack.down();
                case "status" -> stack.status();
                default -> {
                    System.err.println("usage: ./livechat up [-d] [--gateways N] [--brokers 1|3] | down | status | logs [service]");
                    System.exit(2);
                }
            }
        } catch (IllegalStateException e) {
            System.err.println();
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
        }
    }

    /** {@code --gateways N}: how many gateway instances to run (1 to 9), or empty. */
    static Optional<Integer> gatewaysOption(String[] args) {
        List<String> list = List.of(args);
        int index = list.indexOf("--gateways");
        if (index < 0) {
            return Optional.empty();
        }
        try {
            int count = Integer.parseInt(list.get(index + 1));
            if (count >= 1 && count <= 9) {
                return Optional.of(count);
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("--gateways needs a number of gateway instances, 1 to 9");
    }

    /** The component name of a service instance: the module, then {@code agent-gateway-2}, -3... */
    static String component(LivechatService service, int instance) {
        return instance == 1 ? service.module() : service.module() + "-" + instance;
    }

    /** The HTTP port of a service instance: the documented one, then 8084, 8085... for more gateways. */
    static int port(LivechatService service, int instance) {
        return instance == 1 ? service.defaultPort() : EXTRA_GATEWAY_PORT + instance - 2;
    }

    /** The port of {@code /q/health} of a service instance: the gateways' management ports are 9000, 9001... */
    static int readinessPort(LivechatService service, int instance) {
        return instance == 1 ? service.defaultReadinessPort() : LivechatService.DEFAULT_MANAGEMENT_PORT + instance - 1;
    }

    /** The number of gateway instances: as asked, else as the last {@code up --gateways N} recorded, else 1. */
    private int gateways(Optional<Integer> asked) throws IOException {
        Path file = runDirectory.resolve("gateways");
        if (asked.isPresent()) {
            Files.writeString(file, Integer.toString(asked.get()));
            return asked.get();
        }
        try {
            return Files.isRegularFile(file) ? Integer.parseInt(Files.readString(file).trim()) : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void up(boolean detached, Optional<Integer> gatewaysAsked) throws IOException, InterruptedException {
        Instant begin = Instant.now();
        Files.createDirectories(runDirectory);
        int gateways = gateways(gatewaysAsked);
        PostgresServer postgres = PostgresServer.fromEnvironment();
        System.out.println("PostgreSQL   checking " + postgres.host() + ":" + postgres.port());
        postgres.checkReachable();

        List<String> startedNow = new ArrayList<>();
        Thread cleanup = new Thread(() -> {
            System.out.println();
            System.out.println("Stopping what was started...");
            stopComponents(startedNow);
        });
        Runtime.getRuntime().addShutdownHook(cleanup);

        boolean passwordsKept = KafkaPasswords.exist(home);
        Map<String, String> kafkaPasswords = KafkaPasswords.ensure(home, KafkaAcls.principals());
        KafkaServerProcess.Cluster cluster = cluster(kafkaPasswords.get(KafkaAcls.ADMIN));
        prepareKafkaData(cluster, passwordsKept);
        List<Process> kafkaStarted = new ArrayList<>();
        for (KafkaServerProcess.Node node : cluster.nodes()) {
            if (runningPid(node.component()).isPresent()) {
                System.out.printf("%-12s already running at %s%n", node.component(), node.address());
                continue;
            }
            if (portInUse(node.port()) || portInUse(node.controllerPort())) {
                throw new IllegalStateException("Port " + node.port() + " or " + node.controllerPort() + " ("
                        + node.component() + ") is used by a process this stack did not start. Stop it, or choose "
                        + "other ports with LIVECHAT_KAFKA_PORT and LIVECHAT_KAFKA_CONTROLLER_PORT.");
            }
            System.out.printf("%-12s starting at %s (KRaft, SASL/SCRAM, data in .livechat/%s)%n", node.component(),
                    node.address(), node.component());
            Process process = KafkaServerProcess.launch(cluster, node);
            writePid(node.component(), process.pid());
            startedNow.add(node.component());
            kafkaStarted.add(process);
        }
        Path mark = cluster.node(1).directory().resolve(ProvisioningMark.FILE);
        String fingerprint = provisioningFingerprint(cluster, kafkaPasswords);
        boolean provisioning = ProvisioningMark.needed(Files.isRegularFile(mark) ? Optional.of(Files.readString(mark))
                : Optional.empty(), fingerprint);
        // A cluster that already ran and was provisioned is not waited for: a service restarted after a crash starts
        // at once (its readiness waits for the broker if need be).
        if (!kafkaStarted.isEmpty() || provisioning) {
            KafkaServerProcess.awaitCluster(cluster, kafkaStarted, Duration.ofMinutes(2));
            if (!kafkaStarted.isEmpty()) {
                System.out.printf("%-12s ready (%.1f s after this command began)%n", "Kafka",
                        Duration.between(begin, Instant.now()).toMillis() / 1000.0);
            }
        }
        if (provisioning) {
            KafkaServerProcess.provision(cluster, kafkaPasswords);
            Files.writeString(mark, fingerprint);
        } else {
            System.out.println("Kafka        topics, users and ACLs provisioned already (.livechat/kafka/"
                    + ProvisioningMark.FILE + ")");
        }
        String bootstrap = cluster.bootstrap();

        Map<LivechatService, Integer> ports = new EnumMap<>(LivechatService.class);
        Map<LivechatService, Map<String, String>> environment = new EnumMap<>(LivechatService.class);
        for (LivechatService service : LivechatService.values()) {
            ports.put(service, service.defaultPort());
            Map<String, String> env = new HashMap<>(KafkaAccess.scram(bootstrap, service.shortName(),
                    kafkaPasswords.get(service.shortName())).serviceEnvironment());
            env.put("QUARKUS_HTTP_HOST", bindAddress);
            if (service.hasManagementPort()) {
                env.put(ServiceProcess.MANAGEMENT_PORT, Integer.toString(service.defaultReadinessPort()));
            }
            environment.put(service, env);
        }
        adminPassword = AdminPassword.resolve(home, postgres);
        LivechatStack.Settings settings = new LivechatStack.Settings(root, logDirectory, bootstrap, postgres,
                "livechat", false, ports, List.of(LivechatService.GATEWAY.defaultPort()),
                JwtKeys.ensure(home.resolve("keys")), adminPassword, environment);
        List<ServiceProcess> launched = new ArrayList<>();
        Map<String, Integer> waiting = new java.util.LinkedHashMap<>();
        // The dead first, the live after: a restart after a crash starts at once, without first waiting for the
        // readiness answers of every live component (seconds on a busy machine; they decide only KEEP or WAIT).
        List<Map.Entry<LivechatService, Integer>> alive = new ArrayList<>();
        for (LivechatService service : LivechatService.values()) {
            int instances = service == LivechatService.GATEWAY ? gateways : 1;
            for (int instance = 1; instance <= instances; instance++) {
                String component = component(service, instance);
                if (runningPid(component).isPresent()) {
                    alive.add(Map.entry(service, instance));
                    continue;
                }
                ServiceProcess process = start(settings, service, instance);
                startedNow.add(component);
                launched.add(process);
            }
        }
        for (Map.Entry<LivechatService, Integer> each : alive) {
            LivechatService service = each.getKey();
            int instance = each.getValue();
            String component = component(service, instance);
            Optional<Long> pid = runningPid(component);
            UpDecision decision = UpDecision.of(pid.isPresent(), ServiceProcess.isReady(readinessPort(service, instance)));
            if (decision == UpDecision.KEEP) {
                System.out.printf("%-12s already running on port %d%n", shortName(service, instance),
                        port(service, instance));
            } else if (decision == UpDecision.WAIT) {
                // Alive but not ready, e.g. while the broker or the database is down: restarting it would not help.
                System.out.printf("%-12s running (pid %d), not ready yet: kept, waiting for it (its "
                        + "/q/health/ready names what is missing)%n", shortName(service, instance), pid.get());
                waiting.put(component, readinessPort(service, instance));
            } else {
                // It died in between.
                startedNow.add(component);
                launched.add(start(settings, service, instance));
            }
        }
        for (ServiceProcess process : launched) {
            process.awaitReady(READY_TIMEOUT);
            System.out.printf("%-12s ready%n", process.name());
        }
        for (Map.Entry<String, Integer> kept : waiting.entrySet()) {
            Instant deadline = Instant.now().plus(READY_TIMEOUT);
            while (!ServiceProcess.isReady(kept.getValue())) {
                if (Instant.now().isAfter(deadline) || runningPid(kept.getKey()).isEmpty()) {
                    throw new IllegalStateException(kept.getKey() + " is not ready: see http://localhost:"
                            + kept.getValue() + "/q/health/ready (which dependency is DOWN) and .livechat/logs/"
                            + kept.getKey() + ".log");
                }
                Thread.sleep(250);
            }
            System.out.printf("%-12s ready%n", kept.getKey());
        }

        // Seeded when the stack starts, not when up restarts what died: the data is in the databases already, and a
        // seeding call refused meanwhile (a service just restarted) failed up and stopped what it had restarted.
        if (launched.isEmpty() || !alive.isEmpty()) {
            System.out.println("Demo data    seeded when the stack started");
        } else {
            System.out.println("Demo data    seeding (queues, agents, idle codes, wrap-up reasons, templates)");
            DemoData.seed(url(LivechatService.GATEWAY), adminPassword);
        }
        printUrls(Duration.between(begin, Instant.now()), cluster);

        if (detached) {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            System.out.println("Running in the background. Stop it with: ./livechat down");
            return;
        }
        // Foreground: Ctrl-C stops the whole stack, not only what this run started.
        Runtime.getRuntime().removeShutdownHook(cleanup);
        Runtime.getRuntime().addShutdownHook(new Thread(this::down));
        System.out.println("Press Ctrl-C to stop everything (or run ./livechat down from another terminal).");
        while (true) {
            Thread.sleep(Duration.ofSeconds(5).toMillis());
            if (runningPid(LivechatService.GATEWAY.module()).isEmpty()) {
                System.out.println("The stack was stopped.");
                return;
            }
        }
    }

    /** Starts one instance of a service that is not running (its database prepared first); returns at once. */
    private ServiceProcess start(LivechatStack.Settings settings, LivechatService service, int instance)
            throws IOException {
        String component = component(service, instance);
        int port = port(service, instance);
        stopComponents(List.of(component));
        if (portInUse(port)) {
            throw new IllegalStateException("Port " + port + " (" + component + ") is used "
                    + "by a process this stack did not start. Stop it first.");
        }
        System.out.printf("%-12s starting on port %d%n", shortName(service, instance), port);
        LivechatStack.prepareDatabase(settings, service);
        Map<String, String> overrides = new HashMap<>();
        // Static members of their consumer groups: a restarted instance gets its partitions back at once.
        overrides.put(STATIC_MEMBER_ID, component);
        if (instance > 1) {
            overrides.put(ServiceProcess.MANAGEMENT_PORT, Integer.toString(readinessPort(service, instance)));
        }
        ServiceProcess process = LivechatStack.startService(settings, service, port, instance, overrides);
        writePid(component, process.pid());
        return process;
    }

    /** Stops the services all at once (each takes seconds to close its consumers), then the broker they used. */
    private void down() {
        List<String> services = new ArrayList<>();
        for (LivechatService service : LivechatService.values()) {
            services.add(service.module());
        }
        services.addAll(extraGateways());
        stopComponents(services);
        List<String> kafka = new ArrayList<>();
        for (int id = 1; id <= KafkaServerProcess.MAX_NODES; id++) {
            kafka.add(KafkaServerProcess.Node.component(id));
        }
        stopComponents(kafka);
    }

    /**
     * Topics, users and ACLs are provisioned (idempotently) unless this very table was provisioned on this data
     * already ({@link ProvisioningMark}): a restart after a crash, of a service or of the broker, then waits for
     * nothing but the dead component. A stack made by an older version (no mark, or another table) gets them.
     */
    private static String provisioningFingerprint(KafkaServerProcess.Cluster cluster, Map<String, String> passwords) {
        return ProvisioningMark.fingerprint(
                Topics.ALL.stream().map(spec -> spec.name() + " " + spec.partitions() + " "
                        + new java.util.TreeMap<>(spec.config())).toList(),
                KafkaAcls.bindings().stream().map(String::valueOf).toList(), cluster.replicationFactor(), passwords);
    }

    /** The cluster asked for, or the one the data was made for, or one node. */
    private KafkaServerProcess.Cluster cluster(String adminPassword) {
        int nodes = requestedNodes.orElseGet(() -> KafkaServerProcess.layout(home.resolve("kafka"))
                .map(KafkaServerProcess.Layout::nodes).orElse(1));
        return KafkaServerProcess.Cluster.local(home, logDirectory, nodes, kafkaPort, controllerPort, adminPassword);
    }

    /**
     * Kafka data made for another cluster (another node count, plaintext by an older version, or whose passwords
     * file was lost) cannot be reused:
     * it is moved aside to {@code .livechat/kafka-previous/} (the services' databases keep their state; the topics
     * start empty), once no node of it runs.
     */
    private void prepareKafkaData(KafkaServerProcess.Cluster cluster, boolean passwordsKept) throws IOException {
        Path first = home.resolve("kafka");
        boolean anyData = false;
        for (int id = 1; id <= KafkaServerProcess.MAX_NODES; id++) {
            anyData |= Files.exists(home.resolve(KafkaServerProcess.Node.component(id)));
        }
        if (!anyData) {
            return;
        }
        Optional<KafkaServerProcess.Layout> layout = KafkaServerProcess.layout(first);
        boolean fits = layout.isPresent() && layout.get().nodes() == cluster.nodes().size() && layout.get().secured()
                && KafkaServerProcess.formatted(first) && passwordsKept;
        if (fits) {
            return;
        }
        for (int id = 1; id <= KafkaServerProcess.MAX_NODES; id++) {
            if (runningPid(KafkaServerProcess.Node.component(id)).isPresent()) {
                throw new IllegalStateException("Kafka runs as another cluster than the one asked for ("
                        + cluster.nodes().size() + " node(s), SASL): run ./livechat down first.");
            }
        }
        Path previous = home.resolve("kafka-previous");
        deleteRecursively(previous);
        Files.createDirectories(previous);
        for (int id = 1; id <= KafkaServerProcess.MAX_NODES; id++) {
            Path data = home.resolve(KafkaServerProcess.Node.component(id));
            if (Files.exists(data)) {
                Files.move(data, previous.resolve(data.getFileName()));
            }
        }
        System.out.println("WARNING      the Kafka data in .livechat was made for another cluster (" + layout
                .map(l -> l.nodes() + " node(s)" + (l.secured() ? ", SASL" : ", plaintext"))
                .orElse("plaintext, by an older version") + "): moved to .livechat/kafka-previous/; the topics "
                + "start empty.");
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private void status() {
        System.out.printf("%-22s %-8s %-9s %s%n", "COMPONENT", "PID", "STATE", "URL");
        KafkaServerProcess.Cluster cluster = cluster(KafkaPasswords.exist(home)
                ? KafkaPasswords.ensure(home, KafkaAcls.principals()).get(KafkaAcls.ADMIN) : null);
        for (KafkaServerProcess.Node node : cluster.nodes()) {
            Optional<Long> pid = runningPid(node.component());
            System.out.printf("%-22s %-8s %-9s %s%n", node.component(), pid.map(String::valueOf).orElse("-"),
                    pid.isPresent() ? (KafkaServerProcess.answers(cluster.admin().at(node.address())) ? "UP"
                            : "STARTING") : "DOWN", node.address());
        }
        for (LivechatService service : LivechatService.values()) {
            statusLine(service.module(), service.defaultReadinessPort(), url(service));
        }
        for (String component : extraGateways()) {
            int instance = Integer.parseInt(component.substring(component.lastIndexOf('-') + 1));
            statusLine(component, readinessPort(LivechatService.GATEWAY, instance),
                    "http://localhost:" + port(LivechatService.GATEWAY, instance));
        }
    }

    /** One component: DOWN (not running), NOT-READY (alive; its readiness names the missing dependency) or UP. */
    private void statusLine(String component, int readinessPort, String url) {
        Optional<Long> pid = runningPid(component);
        String state = pid.isEmpty() ? "DOWN" : ServiceProcess.isReady(readinessPort) ? "UP" : "NOT-READY";
        System.out.printf("%-22s %-8s %-9s %s%n", component, pid.map(String::valueOf).orElse("-"), state, url);
    }

    /** The extra gateway instances recorded in .livechat/run ({@code agent-gateway-2.pid}...). */
    private List<String> extraGateways() {
        List<String> components = new ArrayList<>();
        try (var files = Files.list(runDirectory)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("agent-gateway-\\d+\\.pid"))
                    .sorted()
                    .forEach(name -> components.add(name.substring(0, name.length() - ".pid".length())));
        } catch (IOException e) {
            // no run directory: nothing runs
        }
        return components;
    }

    private static String shortName(LivechatService service, int instance) {
        return instance == 1 ? service.shortName() : service.shortName() + "-" + instance;
    }

    private void printUrls(Duration took, KafkaServerProcess.Cluster cluster) {
        String gateway = url(LivechatService.GATEWAY);
        System.out.println();
        System.out.println("Livechat Contact Center is up (" + took.toSeconds() + " s).");
        line("Agent desktop, customer widget", gateway + "/");
        line("Gateway health, metrics, OpenAPI", "http://127.0.0.1:" + LivechatService.DEFAULT_MANAGEMENT_PORT
                + "/q/health/ready, /q/metrics, /q/openapi (management port, this machine only)");
        for (LivechatService service : List.of(LivechatService.ROUTING, LivechatService.CONVERSATION,
                LivechatService.MASKING)) {
            line(service.module() + " (Swagger UI)", url(service) + "/q/swagger-ui");
        }
        line("Readiness, metrics (others)", "<service>/q/health/ready, <service>/q/metrics");
        line("Kafka", cluster.bootstrap() + " (SASL/SCRAM-SHA-512" + (cluster.nodes().size() > 1
                ? ", " + cluster.nodes().size() + " nodes, replication factor " + cluster.replicationFactor()
                        + ", min.insync.replicas " + TopicProvisioner.minInSyncReplicas(cluster.replicationFactor())
                : "") + "; passwords in .livechat/" + KafkaPasswords.FILE + ")");
        line("Agents", String.join(", ", DemoData.AGENTS.stream().map(DemoData.Agent::id).toList())
                + " (password '" + DemoData.AGENT_PASSWORD + "'); admin (password '" + adminPassword + "', kept in "
                + ".livechat/admin-password unless LIVECHAT_ADMIN_PASSWORD is set)");
        line("Listening on", bindAddress + (bindAddress.equals("127.0.0.1")
                ? " (this machine only; LIVECHAT_BIND_ADDRESS=0.0.0.0 opens it to the network)" : ""));
        line("Logs", ".livechat/logs/ (./livechat logs <service>)");
    }

    private static void line(String label, String value) {
        System.out.printf("  %-35s %s%n", label, value);
    }

    private String url(LivechatService service) {
        return "http://localhost:" + service.defaultPort();
    }

    /** Stops the processes recorded for {@code components}, if they are still the ones this stack started. */
    private void stopComponents(List<String> components) {
        List<ProcessHandle> stopping = new ArrayList<>();
        for (String component : components) {
            runningPid(component).flatMap(ProcessHandle::of).ifPresent(process -> {
                System.out.printf("%-22s stopping (pid %d)%n", component, process.pid());
                process.destroy();
                stopping.add(process);
            });
        }
        for (ProcessHandle process : stopping) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        for (String component : components) {
            try {
                Files.deleteIfExists(pidFile(component));
            } catch (IOException e) {
                throw new IllegalStateException("Could not remove " + pidFile(component), e);
            }
        }
    }

    /** The recorded pid of {@code component} if that process is alive and is what we started (not a reused pid). */
    private Optional<Long> runningPid(String component) {
        Path file = pidFile(component);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            String marker = LivechatService.componentMarker(component);
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains(marker + " ")).orElse(false))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void writePid(String component, long pid) throws IOException {
        Files.writeString(pidFile(component), Long.toString(pid));
    }

    private Path pidFile(String component) {
        return runDirectory.resolve(component + ".pid");
    }

    private static boolean portInUse(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
