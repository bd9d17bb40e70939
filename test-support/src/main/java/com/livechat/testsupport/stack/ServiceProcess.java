package com.livechat.testsupport.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Livechat service running as its own JVM process from its Quarkus fast-jar
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}), with its output in a log file.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The variable that moves a service's {@code /q/*} endpoints to a port of their own (see the gateway's). */
    public static final String MANAGEMENT_PORT = "MANAGEMENT_PORT";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * JVM options of a service started for tests: quick to start (C1 only, no C2 compiler threads), small.
     * Short-lived test stacks gain nothing from C2, whose compilations would compete with the tests for the CPU.
     */
    public static final List<String> QUICK_START_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /**
     * JVM options of a service that runs (./livechat up): the full tiered compiler (C2 compiles the hot paths, RSA
     * signing, bcrypt, JSON and the Kafka and PostgreSQL clients several times faster than C1) and the serial
     * collector, which suits small heaps on few cores. Chosen from JFR profiles under ./livechat bench.
     */
    public static final List<String> RUN_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    /** System property naming the JVM options of the services started by this JVM (space-separated). */
    public static final String JVM_OPTIONS_PROPERTY = "livechat.service.jvm-options";

    private final String name;
    private final int port;
    private final int readinessPort;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, int readinessPort, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.readinessPort = readinessPort;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code jar} with {@code environment} added to this JVM's environment; {@code QUARKUS_HTTP_PORT} must be
     * among it. A service with a management interface (the gateway) answers {@code /q/health} on
     * {@code MANAGEMENT_PORT} when the environment names one. The process outlives this JVM unless stopped.
     */
    public static ServiceProcess start(String name, Path jar, Map<String, String> environment, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (./mvnw package -DskipTests)");
        }
        String port = environment.get("QUARKUS_HTTP_PORT");
        if (port == null) {
            throw new IllegalArgumentException("QUARKUS_HTTP_PORT is required to start " + name);
        }
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(javaExecutable(), LivechatService.componentMarker(name)));
            command.addAll(jvmOptions());
            ClassDataSharing.directory().ifPresent(archives -> command.addAll(
                    ClassDataSharing.options(archives, name, jar.toAbsolutePath().toString())));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            String management = environment.get(MANAGEMENT_PORT);
            return new ServiceProcess(name, Integer.parseInt(port),
                    Integer.parseInt(management == null ? port : management), builder.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early, pointing at the log, if the process died. */
    public ServiceProcess awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            if (isReady(readinessPort)) {
                return this;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not ready after " + timeout + "; see " + log);
    }

    /** Whether a service answers UP on {@code /q/health/ready} at {@code port} on this machine. */
    public static boolean isReady(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The port of {@code /q/health}: the management port when the service has one, else {@link #port()}. */
    public int readinessPort() {
        return readinessPort;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Asks the process to stop (SIGTERM) without waiting: stopping several at once is faster. */
    public void requestStop() {
        process.destroy();
    }

    /** Stops the process gracefully (SIGTERM), then forcibly if it lingers. */
    @Override
    public void close() {
        requestStop();
        if (!waitForExit()) {
            kill();
        }
    }

    private boolean waitForExit() {
        try {
            return process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The JVM options of the services: {@value #JVM_OPTIONS_PROPERTY} when set, else the quick-start ones. */
    static List<String> jvmOptions() {
        String configured = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
        return configured.isEmpty() ? QUICK_START_OPTIONS : List.of(configured.split("\\s+"));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
