package com.livechat.testsupport.stack;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code ./livechat up} starts only what is dead: a service alive but not ready (its readiness down while the broker
 * is) was restarted by it before (issue 17).
 */
class UpDecisionTest {

    @Test
    void onlyADeadComponentIsStartedAgain() {
        assertEquals(UpDecision.START, UpDecision.of(false, false));
        assertEquals(UpDecision.WAIT, UpDecision.of(true, false));
        assertEquals(UpDecision.KEEP, UpDecision.of(true, true));
    }

    @Test
    void aSecondGatewayInstanceHasItsOwnPortsAndName() {
        assertEquals("agent-gateway", LocalStack.component(LivechatService.GATEWAY, 1));
        assertEquals("agent-gateway-2", LocalStack.component(LivechatService.GATEWAY, 2));
        assertEquals(8084, LocalStack.port(LivechatService.GATEWAY, 2));
        assertEquals(9001, LocalStack.readinessPort(LivechatService.GATEWAY, 2));
        assertEquals(9000, LocalStack.readinessPort(LivechatService.GATEWAY, 1));
        assertEquals(8081, LocalStack.readinessPort(LivechatService.ROUTING, 1));
        assertEquals(Optional.of(2), LocalStack.gatewaysOption(new String[] {"up", "-d", "--gateways", "2"}));
        assertEquals(Optional.empty(), LocalStack.gatewaysOption(new String[] {"up", "-d"}));
        assertThrows(IllegalStateException.class, () -> LocalStack.gatewaysOption(new String[] {"up", "--gateways"}));
    }
}
