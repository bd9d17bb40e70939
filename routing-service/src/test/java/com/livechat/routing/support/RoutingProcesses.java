package com.livechat.routing.support;

import com.livechat.testsupport.PostgresServer;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.stack.ServiceEnvironment;
import com.livechat.testsupport.stack.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;

/**
 * routing-service instances as separate processes from the packaged fast-jar, all on one database and one broker,
 * for the failover test and the benchmark. Needs {@code ./mvnw package} first (failsafe runs after it).
 */
public final class RoutingProcesses implements AutoCloseable {

    /** Decisions of every kind but the periodic publication of queue positions, which decides nothing. */
    private static final Pattern DECISIONS = Pattern.compile(
            "^routing_decisions_total\\{(?![^}]*kind=\"QueuePositions\")[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);
    private static final Pattern TRANSACTIONS = Pattern.compile(
            "^routing_transactions_seconds_(count|sum)\\{[^}]*kind=\"([^\"]+)\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);

    private final String kafka;
    private final PostgresServer postgres = PostgresServer.fromEnvironment();
    private final String database;
    private final Path jar = Path.of(System.getProperty("routing.jar", "target/quarkus-app/quarkus-run.jar"));
    private final Path logs = Path.of(System.getProperty("routing.logs", "target/it-logs"));
    private final List<ServiceProcess> started = new ArrayList<>();

    /** Recreates {@code database} empty: the first instance migrates it. */
    public RoutingProcesses(String kafka, String database) {
        this.kafka = kafka;
        this.database = database;
        postgres.checkReachable();
        postgres.recreateDatabase(database);
    }

    public ServiceProcess start(String name) {
        Map<String, String> env = ServiceEnvironment.of(ServiceEnvironment.freePort(), kafka, postgres, database,
                postgres.adminUser(), postgres.adminPassword());
        // The admin API verifies tokens; the tests sign theirs with the dev key (AdminRequests).
        env.put("JWT_VERIFY_KEY_LOCATION", TestTokens.devPublicKeyFile().toString());
        Path log = logs.resolve(name + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess process = ServiceProcess.start(name, jar, env, log).awaitReady(Duration.ofMinutes(2));
        started.add(process);
        return process;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(database);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public static RequestSpecification api(ServiceProcess process) {
        return asAdmin().baseUri(process.baseUrl()).contentType(ContentType.JSON);
    }

    public static void putQueue(ServiceProcess process, String queueId, int ronaTimeoutSeconds) {
        api(process).body(Map.of("name", "Queue " + queueId, "ronaTimeoutSeconds", ronaTimeoutSeconds))
                .put("/admin/queues/{id}", queueId).then().statusCode(200);
    }

    public static void putAgent(ServiceProcess process, String agentId, int capacity, String queueId) {
        api(process).body(Map.of("displayName", "Agent " + agentId, "queueIds", List.of(queueId), "capacity", capacity))
                .put("/admin/agents/{id}", agentId).then().statusCode(200);
    }

    /** How many decisions the instance took so far, from its Prometheus metrics. */
    public static long decisions(ServiceProcess process) {
        long total = 0;
        Matcher matcher = DECISIONS.matcher(metrics(process));
        while (matcher.find()) {
            total += (long) Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    /** Per kind of transaction: {count, total seconds} so far. */
    public static Map<String, double[]> transactions(ServiceProcess process) {
        Map<String, double[]> totals = new java.util.TreeMap<>();
        Matcher matcher = TRANSACTIONS.matcher(metrics(process));
        while (matcher.find()) {
            double[] values = totals.computeIfAbsent(matcher.group(2), kind -> new double[2]);
            values[matcher.group(1).equals("count") ? 0 : 1] += Double.parseDouble(matcher.group(3));
        }
        return totals;
    }

    private static String metrics(ServiceProcess process) {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(process.baseUrl() + "/q/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the metrics of " + process.name(), e);
        }
    }

    @Override
    public void close() {
        started.forEach(ServiceProcess::close);
    }
}
