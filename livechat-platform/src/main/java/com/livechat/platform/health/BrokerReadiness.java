package com.livechat.platform.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.config.SaslConfigs;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness check {@value #NAME}: whether the Kafka broker answers (a cluster description within 2 s). Every service
 * has it, next to {@link DatabaseReadiness}, so that {@code /q/health/ready} says which dependency is missing while
 * it is {@code DOWN}.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    public static final String NAME = "broker";
    private static final int TIMEOUT_MS = 2000;

    private final String bootstrapServers;
    private final Map<String, Object> config;
    private Admin admin;

    /** A plaintext broker (the test brokers). */
    BrokerReadiness(String bootstrapServers) {
        this(bootstrapServers, "PLAINTEXT", Optional.empty(), Optional.empty());
    }

    /**
     * Authenticates as the service's own clients do ({@code kafka.security.protocol}, {@code kafka.sasl.*}): a broker
     * that requires SASL closes an unauthenticated connection, and the check would stay DOWN for ever.
     */
    @Inject
    public BrokerReadiness(@ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
            String bootstrapServers,
            @ConfigProperty(name = "kafka.security.protocol", defaultValue = "PLAINTEXT") String securityProtocol,
            @ConfigProperty(name = "kafka.sasl.mechanism") Optional<String> saslMechanism,
            @ConfigProperty(name = "kafka.sasl.jaas.config") Optional<String> saslJaasConfig) {
        this.bootstrapServers = bootstrapServers;
        this.config = adminConfig(bootstrapServers, securityProtocol, saslMechanism, saslJaasConfig);
    }

    static Map<String, Object> adminConfig(String bootstrapServers, String securityProtocol,
            Optional<String> saslMechanism, Optional<String> saslJaasConfig) {
        Map<String, Object> config = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "readiness-check",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, securityProtocol));
        saslMechanism.filter(value -> !value.isBlank()).ifPresent(value -> config.put(SaslConfigs.SASL_MECHANISM, value));
        saslJaasConfig.filter(value -> !value.isBlank()).ifPresent(value -> config.put(SaslConfigs.SASL_JAAS_CONFIG, value));
        return Map.copyOf(config);
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("bootstrap", bootstrapServers);
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 1000L, TimeUnit.MILLISECONDS).size();
            return response.up().withData("nodes", nodes).build();
        } catch (ExecutionException | TimeoutException e) {
            return response.down().withData("error", "the Kafka broker does not answer").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
    }
}
