package com.livechat.routing.domain;

import com.livechat.contracts.events.AgentState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.livechat.routing.domain.World.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may take a chat: one rule for the queue dispatch and the direct offers. */
class EligibilityTest {

    @Test
    void anAvailableAgentWithAFreeSlotAndNothingUnsettledInTheChatMayTakeIt() {
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 2);
        alice.activeChats = 1;
        assertNull(Eligibility.whyNot(alice, Set.of("bob")));
        assertTrue(Eligibility.takesChats(alice));
        assertTrue(Eligibility.mayJoin(Set.of("bob"), "alice"));
    }

    @ParameterizedTest
    @EnumSource(value = AgentState.class, names = "AVAILABLE", mode = EnumSource.Mode.EXCLUDE)
    void anAgentWhoIsNotAvailableTakesNothing(AgentState state) {
        Agent agent = agent("alice", state, 0, 3);
        assertEquals("agent is " + state, Eligibility.whyNot(agent, Set.of()));
        assertFalse(Eligibility.takesChats(agent));
    }

    @Test
    void activeChatsAndPendingOffersBothTakeASlot() {
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 2);
        alice.activeChats = 1;
        alice.pendingOffers = 1;
        assertEquals(0, alice.freeSlots());
        assertEquals("agent has no free capacity", Eligibility.whyNot(alice, Set.of()));
        assertFalse(Eligibility.takesChats(alice));
    }

    @Test
    void anAgentWhoseParticipationInTheChatIsNotSettledMayNotJoinItAgain() {
        Agent alice = agent("alice", AgentState.AVAILABLE, 0, 3);
        assertEquals("agent's participation in the chat is not settled", Eligibility.whyNot(alice, Set.of("alice")));
        assertTrue(Eligibility.takesChats(alice), "other chats, yes");
        assertFalse(Eligibility.mayJoin(Set.of("alice"), "alice"));
    }
}
