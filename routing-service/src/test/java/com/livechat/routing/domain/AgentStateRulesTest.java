package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RejectionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentStateRulesTest {

    /** What an agent may ask for themselves; RONA is never among it. */
    private static final Set<String> AGENT_REQUESTS = Set.of(
            "LOGGED_OUT->AVAILABLE", "LOGGED_OUT->IDLE",
            "AVAILABLE->IDLE", "AVAILABLE->LOGGED_OUT",
            "IDLE->AVAILABLE", "IDLE->IDLE", "IDLE->LOGGED_OUT",
            "RONA->AVAILABLE", "RONA->IDLE", "RONA->LOGGED_OUT");

    static Stream<Arguments> everyPair() {
        return Stream.of(AgentState.values())
                .flatMap(from -> Stream.of(AgentState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void anAgentMayRequestOnlyTheAllowedMoves(AgentState from, AgentState to) {
        if (AGENT_REQUESTS.contains(from + "->" + to)) {
            assertDoesNotThrow(() -> AgentStateRules.checkRequest(from, to, "break", true));
            return;
        }
        Refusal refusal = assertThrows(Refusal.class, () -> AgentStateRules.checkRequest(from, to, "break", true));
        assertEquals(RejectionCode.ILLEGAL_STATE, refusal.code());
        String expected = to == AgentState.RONA
                ? "RONA is set by routing when an offer goes unanswered; an agent cannot choose it."
                : "An agent who is " + from + " cannot change to " + to + ".";
        assertEquals(expected, refusal.getMessage());
    }

    @Test
    void leavingRonaIsAManualMoveToAvailable() {
        assertDoesNotThrow(() -> AgentStateRules.checkRequest(AgentState.RONA, AgentState.AVAILABLE, null, false));
    }

    @Test
    void idleNeedsAnExistingIdleCode() {
        Refusal missing = assertThrows(Refusal.class,
                () -> AgentStateRules.checkRequest(AgentState.AVAILABLE, AgentState.IDLE, " ", false));
        assertEquals(RejectionCode.UNKNOWN_IDLE_CODE, missing.code());
        assertEquals("IDLE needs an idle code.", missing.getMessage());

        Refusal unknown = assertThrows(Refusal.class,
                () -> AgentStateRules.checkRequest(AgentState.AVAILABLE, AgentState.IDLE, "nap", false));
        assertEquals(RejectionCode.UNKNOWN_IDLE_CODE, unknown.code());
        assertEquals("Unknown idle code 'nap'.", unknown.getMessage());
    }

    @Test
    void onlyRoutingPutsAnAgentInRonaAndLeavingItIsManual() {
        assertTrue(AgentStateRules.canTransition(AgentState.AVAILABLE, AgentState.RONA));
        assertFalse(AgentStateRules.agentMayRequest(AgentState.AVAILABLE, AgentState.RONA));
        assertTrue(AgentStateRules.agentMayRequest(AgentState.RONA, AgentState.AVAILABLE));
        assertFalse(AgentStateRules.canTransition(AgentState.IDLE, AgentState.RONA));
        assertFalse(AgentStateRules.canTransition(AgentState.LOGGED_OUT, AgentState.RONA));
    }

    @Test
    void aTargetStateIsRequired() {
        Refusal refusal = assertThrows(Refusal.class,
                () -> AgentStateRules.checkRequest(AgentState.AVAILABLE, null, null, false));
        assertEquals(RejectionCode.ILLEGAL_STATE, refusal.code());
    }

    @ParameterizedTest
    @EnumSource(AgentState.class)
    void onlyAvailableAgentsReceiveOffers(AgentState state) {
        assertEquals(state == AgentState.AVAILABLE, AgentStateRules.receivesOffers(state));
    }

    @Test
    void enteringAStateKeepsTheIdleCodeOnlyForIdleAndRefusesIllegalMoves() {
        Agent agent = new Agent();
        agent.id = "alice";
        agent.state = AgentState.LOGGED_OUT;
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        agent.enter(AgentState.IDLE, "lunch", now);
        assertEquals("lunch", agent.idleCode);
        assertEquals(now, agent.stateSince);
        agent.enter(AgentState.AVAILABLE, "lunch", now.plusSeconds(1));
        assertNull(agent.idleCode);
        agent.enter(AgentState.RONA, null, now.plusSeconds(2));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> agent.enter(AgentState.RONA, null, now.plusSeconds(3)));
        assertEquals("Agent alice cannot go from RONA to RONA", error.getMessage());
    }

    @Test
    void readySinceIsTheLaterOfStateChangeAndLastOffer() {
        Instant available = Instant.parse("2026-01-01T10:00:00Z");
        assertEquals(available, Agent.readySince(available, null));
        assertEquals(available, Agent.readySince(available, available.minusSeconds(60)));
        assertEquals(available.plusSeconds(5), Agent.readySince(available, available.plusSeconds(5)));
    }
}
