package com.livechat.testsupport;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a client reaches the broker: its bootstrap addresses and, on a secured broker (the local stack,
 * docker-compose), the SASL/SCRAM-SHA-512 principal it authenticates as. Without a user name: plaintext, as the
 * tests' embedded broker.
 *
 * @param username null for a plaintext broker
 * @param password null for a plaintext broker
 */
public record KafkaAccess(String bootstrap, String username, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String PROTOCOL = "SASL_PLAINTEXT";
    /** Variables naming the bench's (or any other tool's) principal: {@link #fromEnvironment}. */
    public static final String USERNAME_ENV = "LIVECHAT_KAFKA_USERNAME";
    public static final String PASSWORD_ENV = "LIVECHAT_KAFKA_PASSWORD";

    public KafkaAccess {
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("A Kafka principal needs both a user name and a password");
        }
    }

    public static KafkaAccess plaintext(String bootstrap) {
        return new KafkaAccess(bootstrap, null, null);
    }

    public static KafkaAccess scram(String bootstrap, String username, String password) {
        return new KafkaAccess(bootstrap, username, password);
    }

    /** The principal named by {@value #USERNAME_ENV} and {@value #PASSWORD_ENV}, or plaintext when they are unset. */
    public static KafkaAccess fromEnvironment(String bootstrap) {
        Optional<String> username = Optional.ofNullable(System.getenv(USERNAME_ENV)).filter(value -> !value.isBlank());
        return username.isEmpty() ? plaintext(bootstrap)
                : scram(bootstrap, username.get(), Optional.ofNullable(System.getenv(PASSWORD_ENV)).orElse(""));
    }

    public boolean secured() {
        return username != null;
    }

    /** The same principal at other addresses. */
    public KafkaAccess at(String otherBootstrap) {
        return new KafkaAccess(otherBootstrap, username, password);
    }

    /** Configuration of a producer, consumer or admin client: bootstrap servers and, when secured, SASL. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (secured()) {
            config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
            config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
            config.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(username, password));
        }
        return config;
    }

    /**
     * The variables a Livechat service reads to authenticate ({@code KAFKA_SECURITY_PROTOCOL},
     * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}; see its application.properties); none when
     * plaintext. The bootstrap servers are {@code KAFKA_BOOTSTRAP_SERVERS}, set apart.
     */
    public Map<String, String> serviceEnvironment() {
        if (!secured()) {
            return Map.of();
        }
        return Map.of("KAFKA_SECURITY_PROTOCOL", PROTOCOL, "KAFKA_SASL_MECHANISM", MECHANISM,
                "KAFKA_SASL_JAAS_CONFIG", jaasConfig(username, password));
    }

    /** The client JAAS line of a SCRAM principal. */
    public static String jaasConfig(String username, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "KafkaAccess[" + bootstrap + (secured() ? ", " + username + "]" : ", plaintext]");
    }
}
