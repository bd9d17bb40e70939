package com.livechat.e2e.support;

import com.livechat.testsupport.PostgresServer;
import com.livechat.testsupport.stack.DemoData;
import com.livechat.testsupport.stack.JwtKeys;
import com.livechat.testsupport.stack.LivechatService;
import com.livechat.testsupport.stack.LivechatStack;
import com.livechat.testsupport.stack.ServiceEnvironment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system for the end-to-end suite, started once per test JVM: the real broker, secured ({@link E2eKafka}:
 * each service its own SASL principal, unless {@code LIVECHAT_TEST_KAFKA_BOOTSTRAP} names a broker), fresh {@code livechat_e2e_*} databases, the four services as
 * processes with two gateway instances, and the demo data.
 */
public final class E2eStack {

    public static final String ADMIN_PASSWORD = "e2e-admin";
    private static final String DATABASE_PREFIX = "livechat_e2e";

    private static LivechatStack stack;
    private static LivechatStack.Settings settings;
    private static TraceCollector traces;

    private E2eStack() {
    }

    public static synchronized LivechatStack get() {
        if (stack == null) {
            Path root = LivechatService.repositoryRoot();
            Path target = root.resolve("end-to-end-tests/target");
            Map<LivechatService, Integer> ports = new EnumMap<>(LivechatService.class);
            for (LivechatService service : LivechatService.values()) {
                ports.put(service, ServiceEnvironment.freePort());
            }
            Map<LivechatService, Map<String, String>> environment = new EnumMap<>(LivechatService.class);
            for (LivechatService service : LivechatService.values()) {
                // Each service is its own Kafka principal (SASL/SCRAM), as in the local stack and docker-compose.
                environment.put(service, new HashMap<>(E2eKafka.access(service).serviceEnvironment()));
            }
            // Every service traces, exporting to the suite's receiver: each end-to-end test also proves that tracing
            // changes nothing it checks, and TracingEndToEndTest reads the traces. Flushed every 200 ms, not 5 s.
            traces = TraceCollector.start();
            for (LivechatService service : LivechatService.values()) {
                environment.get(service).putAll(Map.of("OTEL_SDK_DISABLED", "false",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(), "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"));
            }
            // Every chat of the suite starts from 127.0.0.1: no per-address limit.
            environment.get(LivechatService.GATEWAY).putAll(
                    Map.of("LIVECHAT_CHATS_PER_ADDRESS", "0", "LIVECHAT_INVITATIONS_PER_ADDRESS", "0"));
            settings = new LivechatStack.Settings(root, target.resolve("e2e-logs"), E2eKafka.bootstrap(),
                    PostgresServer.fromEnvironment(), DATABASE_PREFIX, true, ports,
                    List.of(ports.get(LivechatService.GATEWAY), ServiceEnvironment.freePort()),
                    JwtKeys.ensure(target.resolve("e2e-keys")), ADMIN_PASSWORD, environment);
            stack = LivechatStack.start(settings, Duration.ofMinutes(3));
            DemoData.seed(stack.url(LivechatService.GATEWAY), ADMIN_PASSWORD);
        }
        return stack;
    }

    /** Stops the services, if they were started, then the trace receiver they exported to. */
    public static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
            traces.close();
        }
    }

    /** The receiver of every service's spans. */
    public static TraceCollector traces() {
        get();
        return traces;
    }

    /** Restarts a service with extra environment variables (an empty map restores its usual configuration). */
    public static void restart(LivechatService service, Map<String, String> overrides) {
        get().restart(service, overrides, Duration.ofMinutes(2));
    }

    /** Base URL of gateway instance {@code index} (0 or 1). */
    public static String gateway(int index) {
        return get().instance(LivechatService.GATEWAY, index).baseUrl();
    }

    public static String url(LivechatService service) {
        return get().url(service);
    }

    /** A JDBC connection to a service's own database, to check what it stored. */
    public static Connection database(LivechatService service) throws SQLException {
        get();
        PostgresServer postgres = settings.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE_PREFIX + "_" + service.shortName()),
                postgres.adminUser(), postgres.adminPassword());
    }
}
