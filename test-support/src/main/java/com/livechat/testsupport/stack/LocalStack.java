package com.livechat.testsupport.stack;

import com.livechat.testsupport.PostgresServer;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./livechat up [-d] | down | status}: the whole system on this machine. A real Kafka broker (KRaft) and
 * the four services run as processes whose ids are kept in {@code .livechat/run}; {@code down} stops exactly those.
 * {@code up} keeps whatever already runs and starts the rest, so running it twice is harmless.
 */
public final class LocalStack {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** The HTTP port of the second gateway instance ({@code --gateways 2}); a third takes the next one. */
    static final int EXTRA_GATEWAY_PORT = 8084;

    private final Path root = LivechatService.repositoryRoot();
    private final Path home = root.resolve(".livechat");
    private final Path runDirectory = home.resolve("run");
    private final Path logDirectory = home.resolve("logs");
    private final int kafkaPort = intEnv("LIVECHAT_KAFKA_PORT", 9092);
    private final int controllerPort = intEnv("LIVECHAT_KAFKA_CONTROLLER_PORT", 9093);
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
        LocalStack stack = new LocalStack();
        String command = args.length == 0 ? "" : args[0];
        boolean detached = List.of(args).contains("-d") || List.of(args).contains("--detach");
        try {
            switch (command) {
                case "up" -> stack.up(detached, gatewaysOption(args));
                case "down" -> stack.down();
                case "status" -> stack.status();
                default -> {
                    System.err.println("usage: ./livechat up [-d] [--gateways N] | down | status | logs [service]");
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

        String bootstrap = "127.0.0.1:" + kafkaPort;
        if (runningPid("kafka").isPresent() && KafkaServerProcess.answers(bootstrap)) {
            System.out.println("Kafka        already running at " + bootstrap);
        } else if (runningPid("kafka").isPresent()) {
            // Alive but not answering yet (starting): kept and waited for, never started twice.
            System.out.println("Kafka        running, not answering yet at " + bootstrap + ": waiting for it");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!KafkaServerProcess.answers(bootstrap)) {
                if (Instant.now().isAfter(deadline) || runningPid("kafka").isEmpty()) {
                    throw new IllegalStateException("Kafka (pid " + runningPid("kafka").map(String::valueOf)
                            .orElse("gone") + ") does not answer at " + bootstrap + "; see .livechat/logs/kafka.log");
                }
                Thread.sleep(500);
            }
        } else if (portInUse(kafkaPort) || portInUse(controllerPort)) {
            throw new IllegalStateException("Port " + kafkaPort + " or " + controllerPort + " is used by a process this "
                    + "stack did not start. Stop it, or choose other ports with LIVECHAT_KAFKA_PORT and "
                    + "LIVECHAT_KAFKA_CONTROLLER_PORT.");
        } else {
            System.out.println("Kafka        starting at " + bootstrap + " (KRaft, data in .livechat/kafka)");
            Process kafka = KafkaServerProcess.start(home.resolve("kafka"), kafkaPort, controllerPort,
                    logDirectory.resolve("kafka.log"), Duration.ofMinutes(2));
            writePid("kafka", kafka.pid());
            startedNow.add("kafka");
        }

        Map<LivechatService, Integer> ports = new EnumMap<>(LivechatService.class);
        Map<LivechatService, Map<String, String>> environment = new EnumMap<>(LivechatService.class);
        for (LivechatService service : LivechatService.values()) {
            ports.put(service, service.defaultPort());
            environment.put(service, service.hasManagementPort()
                    ? Map.of("QUARKUS_HTTP_HOST", bindAddress, ServiceProcess.MANAGEMENT_PORT,
                            Integer.toString(service.defaultReadinessPort()))
                    : Map.of("QUARKUS_HTTP_HOST", bindAddress));
        }
        adminPassword = AdminPassword.resolve(home, postgres);
        LivechatStack.Settings settings = new LivechatStack.Settings(root, logDirectory, bootstrap, postgres,
                "livechat", false, ports, List.of(LivechatService.GATEWAY.defaultPort()),
                JwtKeys.ensure(home.resolve("keys")), adminPassword, environment);
        List<ServiceProcess> launched = new ArrayList<>();
        Map<String, Integer> waiting = new java.util.LinkedHashMap<>();
        for (LivechatService service : LivechatService.values()) {
            int instances = service == LivechatService.GATEWAY ? gateways : 1;
            for (int instance = 1; instance <= instances; instance++) {
                String component = component(service, instance);
                int port = port(service, instance);
                Optional<Long> pid = runningPid(component);
                UpDecision decision = UpDecision.of(pid.isPresent(), ServiceProcess.isReady(readinessPort(service, instance)));
                if (decision == UpDecision.KEEP) {
                    System.out.printf("%-12s already running on port %d%n", shortName(service, instance), port);
                    continue;
                }
                if (decision == UpDecision.WAIT) {
                    // Alive but not ready, e.g. while the broker or the database is down: restarting it would not help.
                    System.out.printf("%-12s running (pid %d), not ready yet: kept, waiting for it (its "
                            + "/q/health/ready names what is missing)%n", shortName(service, instance), pid.get());
                    waiting.put(component, readinessPort(service, instance));
                    continue;
                }
                stopComponents(List.of(component));
                if (portInUse(port)) {
                    throw new IllegalStateException("Port " + port + " (" + component + ") is used "
                            + "by a process this stack did not start. Stop it first.");
                }
                System.out.printf("%-12s starting on port %d%n", shortName(service, instance), port);
                LivechatStack.prepareDatabase(settings, service);
                Map<String, String> overrides = instance == 1 ? Map.of() : Map.of(ServiceProcess.MANAGEMENT_PORT,
                        Integer.toString(readinessPort(service, instance)));
                ServiceProcess process = LivechatStack.startService(settings, service, port, instance, overrides);
                writePid(component, process.pid());
                startedNow.add(component);
                launched.add(process);
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

        if (launched.isEmpty()) {
            System.out.println("Demo data    seeded when the stack started");
        } else {
            System.out.println("Demo data    seeding (queues, agents, idle codes, wrap-up reasons, templates)");
            DemoData.seed(url(LivechatService.GATEWAY), adminPassword);
        }
        printUrls(Duration.between(begin, Instant.now()));

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

    /** Stops the services all at once (each takes seconds to close its consumers), then the broker they used. */
    private void down() {
        List<String> services = new ArrayList<>();
        for (LivechatService service : LivechatService.values()) {
            services.add(service.module());
        }
        services.addAll(extraGateways());
        stopComponents(services);
        stopComponents(List.of("kafka"));
    }

    private void status() {
        System.out.printf("%-22s %-8s %-9s %s%n", "COMPONENT", "PID", "STATE", "URL");
        Optional<Long> kafka = runningPid("kafka");
        System.out.printf("%-22s %-8s %-9s %s%n", "kafka", kafka.map(String::valueOf).orElse("-"),
                kafka.isPresent() ? (KafkaServerProcess.answers("127.0.0.1:" + kafkaPort) ? "UP" : "STARTING") : "DOWN",
                "127.0.0.1:" + kafkaPort);
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

    private void printUrls(Duration took) {
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
        line("Kafka", "127.0.0.1:" + kafkaPort);
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
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains(marker)).orElse(false))
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
