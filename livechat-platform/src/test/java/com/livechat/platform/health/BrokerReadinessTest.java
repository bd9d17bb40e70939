package com.livechat.platform.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
