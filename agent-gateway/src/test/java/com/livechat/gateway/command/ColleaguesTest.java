package com.livechat.gateway.command;

import com.livechat.contracts.events.AgentState;
import com.livechat.gateway.projection.PresenceStore.Presence;
import com.livechat.gateway.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one rule of who may be handed or invited into a chat, as the list and the commands apply it. */
class ColleaguesTest {

    @Test
    void anAvailableColleagueWithAFreeSlotMayTakeTheChat() {
        assertEquals(Optional.empty(), Colleagues.whyNotTakeTheChat("alice", "bob", Optional.of(bob(AgentState.AVAILABLE, 1, 2))));
        assertTrue(Colleagues.mayTakeTheChat("alice", bob(AgentState.AVAILABLE, 0, 1)));
    }

    @Test
    void notOneself() {
        Refusal refusal = Colleagues.whyNotTakeTheChat("bob", "bob", Optional.of(bob(AgentState.AVAILABLE, 0, 2))).orElseThrow();
        assertEquals("ILLEGAL_STATE", refusal.code());
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertFalse(Colleagues.mayTakeTheChat("bob", bob(AgentState.AVAILABLE, 0, 2)));
    }

    @Test
    void notAColleagueRoutingNeverAnnouncedNorOneWhoseProfileWasDeleted() {
        Refusal unknown = Colleagues.whyNotTakeTheChat("alice", "bob", Optional.empty()).orElseThrow();
        assertEquals("UNKNOWN_AGENT", unknown.code());
        assertEquals(Refusal.Kind.NOT_FOUND, unknown.kind());
        Presence deleted = new Presence("bob", "Bob", AgentState.AVAILABLE, null, 0, 2, List.of(), true, null);
        assertEquals("UNKNOWN_AGENT", Colleagues.whyNotTakeTheChat("alice", "bob", Optional.of(deleted)).orElseThrow().code());
        assertFalse(Colleagues.mayTakeTheChat("alice", deleted));
    }

    @Test
    void notOneWhoIsNotAvailableOrHasNoFreeSlot() {
        for (Presence busy : List.of(bob(AgentState.IDLE, 0, 2), bob(AgentState.RONA, 0, 2), bob(AgentState.LOGGED_OUT, 0, 2),
                bob(AgentState.AVAILABLE, 2, 2), bob(AgentState.AVAILABLE, 0, 0))) {
            Refusal refusal = Colleagues.whyNotTakeTheChat("alice", "bob", Optional.of(busy)).orElseThrow();
            assertEquals("TARGET_NOT_AVAILABLE", refusal.code());
            assertEquals("Bob Leroy is not available (" + busy.state() + ", " + busy.activeChats() + "/" + busy.capacity()
                    + " chats).", refusal.detail());
            assertFalse(Colleagues.mayTakeTheChat("alice", busy));
        }
    }

    private static Presence bob(AgentState state, int activeChats, int capacity) {
        return new Presence("bob", "Bob Leroy", state, null, activeChats, capacity, List.of("support"), false, null);
    }
}
