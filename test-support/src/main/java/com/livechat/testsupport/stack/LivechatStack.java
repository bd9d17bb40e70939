package com.livechat.testsupport.stack;

import com.livechat.testsupport.PostgresServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services started as separate JVM processes against a given Kafka broker and PostgreSQL server, each
 * with its own database. Used by the local stack ({@link LocalStack}) and by the end-to-end suite.
 */
public final class LivechatStack implements AutoCloseable {

    /**
     * How to run the stack.
     *
     * @param databasePrefix    each service's database is {@code <prefix>_<service short name>}
     * @param freshDatabases    true: drop and recreate the databases, connect as the administrator (tests);
     *                          false: keep them, with one role per service (local stack)
     * @param ports             HTTP port per service; the extra gateway instances take {@code gatewayPorts}
     * @param gatewayPorts      one port per gateway instance (the first is {@code ports.get(GATEWAY)})
     * @param extraEnvironment  additional variables per service (for example a conversation policy)
     */
    public record Settings(Path root, Path logDirectory, String kafkaBootstrap, PostgresServer postgres,
            String databasePrefix, boolean freshDatabases, Map<LivechatService, Integer> ports,
            List<Integer> gatewayPorts, JwtKeys jwtKeys, String adminPassword,
            Map<LivechatService, Map<String, String>> extraEnvironment) {
    }

    private final Settings settings;
    private final Map<LivechatService, List<ServiceProcess>> processes;

    private LivechatStack(Settings settings, Map<LivechatService, List<ServiceProcess>> processes) {
        this.settings = settings;
        this.processes = processes;
    }

    /** Prepares the databases, starts every service and waits until each one is ready. */
    public static LivechatStack start(Settings settings, Duration readyTimeout) {
        settings.postgres().checkReachable();
        Map<LivechatService, List<ServiceProcess>> started = new EnumMap<>(LivechatService.class);
        LivechatStack stack = new LivechatStack(settings, started);
        try {
            for (LivechatService service : LivechatService.values()) {
                prepareDatabase(settings, service);
                List<Integer> ports = service == LivechatService.GATEWAY ? settings.gatewayPorts()
                        : List.of(settings.ports().get(service));
                List<ServiceProcess> instances = new ArrayList<>();
                for (int i = 0; i < ports.size(); i++) {
                    instances.add(startService(settings, service, ports.get(i), i + 1, Map.of()));
                }
                started.put(service, instances);
            }
            started.values().forEach(instances -> instances.forEach(p -> p.awaitReady(readyTimeout)));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Creates the service's database: dropped and recreated for tests ({@code freshDatabases}), otherwise kept, with
     * the service's own role.
     */
    public static void prepareDatabase(Settings settings, LivechatService service) {
        String database = databaseName(settings, service);
        if (settings.freshDatabases()) {
            settings.postgres().recreateDatabase(database);
        } else {
            settings.postgres().ensureRoleAndDatabase(service.shortName(), service.shortName(), database);
        }
    }

    /**
     * Starts one instance of a service whose database is prepared; instance numbers distinguish gateway instances
     * (their Kafka consumer groups). {@code overrides} adds or replaces environment variables.
     */
    public static ServiceProcess startService(Settings settings, LivechatService service, int port, int instance,
            Map<String, String> overrides) {
        // Tests connect as the administrator to throw-away databases; the local stack gives each service its role.
        boolean ownRole = !settings.freshDatabases();
        String user = ownRole ? service.shortName() : settings.postgres().adminUser();
        String password = ownRole ? service.shortName() : settings.postgres().adminPassword();
        Map<String, String> env = new HashMap<>(ServiceEnvironment.of(port, settings.kafkaBootstrap(),
                settings.postgres(), databaseName(settings, service), user, password));
        // Every service verifies the gateway's tokens (its admin API and customer-data reads need a role).
        env.put("JWT_VERIFY_KEY_LOCATION", settings.jwtKeys().publicKey().toAbsolutePath().toString());
        if (service == LivechatService.GATEWAY) {
            env.put("JWT_SIGN_KEY_LOCATION", settings.jwtKeys().privateKey().toAbsolutePath().toString());
            env.put("LIVECHAT_ADMIN_PASSWORD", settings.adminPassword());
            env.put("INSTANCE_ID", "gateway-" + instance);
            // Administration passes through the gateway to the owner's /admin API.
            env.put("ROUTING_SERVICE_URL", "http://localhost:" + settings.ports().get(LivechatService.ROUTING));
            env.put("CONVERSATION_SERVICE_URL", "http://localhost:" + settings.ports().get(LivechatService.CONVERSATION));
            env.put("MASKING_SERVICE_URL", "http://localhost:" + settings.ports().get(LivechatService.MASKING));
        }
        env.putAll(settings.extraEnvironment().getOrDefault(service, Map.of()));
        env.putAll(overrides);
        if (service.hasManagementPort() && !env.containsKey(ServiceProcess.MANAGEMENT_PORT)) {
            // Its /q/* endpoints (health, metrics, OpenAPI) listen on a port of their own, one per instance.
            env.put(ServiceProcess.MANAGEMENT_PORT, Integer.toString(ServiceEnvironment.freePort()));
        }
        String name = service == LivechatService.GATEWAY && instance > 1 ? service.module() + "-" + instance
                : service.module();
        return ServiceProcess.start(name, service.jar(settings.root()), env,
                settings.logDirectory().resolve(name + ".log"));
    }

    /**
     * Stops the first instance of {@code service} and starts it again on the same port and database, with
     * {@code overrides} added to its environment (for example another policy), and waits until it is ready.
     */
    public ServiceProcess restart(LivechatService service, Map<String, String> overrides, Duration readyTimeout) {
        ServiceProcess old = instance(service, 0);
        old.close();
        ServiceProcess fresh = startService(settings, service, old.port(), 1, overrides).awaitReady(readyTimeout);
        processes.get(service).set(0, fresh);
        return fresh;
    }

    private static String databaseName(Settings settings, LivechatService service) {
        return settings.databasePrefix() + "_" + service.shortName();
    }

    public ServiceProcess instance(LivechatService service, int index) {
        return processes.get(service).get(index);
    }

    public String url(LivechatService service) {
        return instance(service, 0).baseUrl();
    }

    public List<ServiceProcess> all() {
        return processes.values().stream().flatMap(List::stream).toList();
    }

    /** Stops every process this stack started, all at once. */
    @Override
    public void close() {
        all().forEach(ServiceProcess::requestStop);
        all().forEach(ServiceProcess::close);
    }
}
