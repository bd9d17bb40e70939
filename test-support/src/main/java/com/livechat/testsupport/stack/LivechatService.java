package com.livechat.testsupport.stack;

import java.nio.file.Path;

/** The four services: their Maven module, the name of their database role, and their documented port. */
public enum LivechatService {
    MASKING("masking-service", "masking", 8083),
    ROUTING("routing-service", "routing", 8081),
    CONVERSATION("conversation-service", "conversation", 8082),
    GATEWAY("agent-gateway", "gateway", 8080);

    private final String module;
    private final String shortName;
    private final int defaultPort;

    LivechatService(String module, String shortName, int defaultPort) {
        this.module = module;
        this.shortName = shortName;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    /** Name of the service's database role; its database is {@code <prefix>_<shortName>}. */
    public String shortName() {
        return shortName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * Whether the service's {@code /q/*} endpoints listen on a management port of their own in production: the
     * gateway's, whose HTTP port faces the public ({@code MANAGEMENT_PORT}, default {@link #DEFAULT_MANAGEMENT_PORT}).
     */
    public boolean hasManagementPort() {
        return this == GATEWAY;
    }

    /** The gateway's management port in the local stack and docker-compose. */
    public static final int DEFAULT_MANAGEMENT_PORT = 9000;

    /** The port of {@code /q/health} of the local stack's instance of this service. */
    public int defaultReadinessPort() {
        return hasManagementPort() ? DEFAULT_MANAGEMENT_PORT : defaultPort;
    }

    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The first JVM option of every process the stack starts: names the component, so that a recorded pid is only
     * ever taken for that component (pids are reused, and a long command line may be cut short when read back).
     */
    public static String componentMarker(String component) {
        return "-Dlivechat.component=" + component;
    }

    /** The repository root: the nearest directory, from the working directory up, holding {@code mvnw}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !dir.resolve("mvnw").toFile().isFile()) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the Livechat repository (no mvnw found above "
                    + Path.of("").toAbsolutePath() + ")");
        }
        return dir;
    }
}
