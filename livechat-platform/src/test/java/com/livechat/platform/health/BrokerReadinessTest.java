package com.livechat.platform.health;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With no broker to answer, the readiness check "broker" is DOWN, within seconds, and says so (issue 17). */
class BrokerReadinessTest {

    @Test
    void aBrokerThatDoesNotAnswerIsDownByName() {
        BrokerReadiness check = new BrokerReadiness("127.0.0.1:1");
        try {
            HealthCheckResponse response = check.call();
            assertEquals("broker", response.getName());
            assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
            assertTrue(response.getData().orElseThrow().get("error").toString().contains("broker"));
        } finally {
            check.close();
        }
    }

    /** The check authenticates as the service does: without it, a SASL broker closes the connection (DOWN for ever). */
    @Test
    void itAuthenticatesAsTheServiceDoes() {
        Map<String, Object> config = BrokerReadiness.adminConfig("127.0.0.1:9092", "SASL_PLAINTEXT",
                Optional.of("SCRAM-SHA-512"), Optional.of("ScramLoginModule required username=\"masking\";"));
        assertEquals("SASL_PLAINTEXT", config.get(AdminClientConfig.SECURITY_PROTOCOL_CONFIG));
        assertEquals("SCRAM-SHA-512", config.get(SaslConfigs.SASL_MECHANISM));
        assertEquals("ScramLoginModule required username=\"masking\";", config.get(SaslConfigs.SASL_JAAS_CONFIG));

        Map<String, Object> plaintext = BrokerReadiness.adminConfig("127.0.0.1:9092", "PLAINTEXT",
                Optional.of("SCRAM-SHA-512"), Optional.of(""));
        assertEquals("PLAINTEXT", plaintext.get(AdminClientConfig.SECURITY_PROTOCOL_CONFIG));
        assertFalse(plaintext.containsKey(SaslConfigs.SASL_JAAS_CONFIG), "an empty JAAS line is left out");
    }
}
