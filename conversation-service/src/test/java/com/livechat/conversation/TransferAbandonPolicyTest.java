package com.livechat.conversation;

import com.livechat.conversation.domain.SystemMessages;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.TransferTargetType;
import com.livechat.contracts.events.WithdrawReason;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's literal behaviour: a transfer to an agent that is never accepted abandons the chat. */
@QuarkusTest
@TestProfile(TransferAbandonPolicyTest.AbandonPolicy.class)
class TransferAbandonPolicyTest {

    public static class AbandonPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("livechat.conversation.transfer.unanswered-policy", "ABANDON");
        }
    }

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void anUnansweredTransferAbandonsTheChatAndTellsTheCustomer() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Transferred"))
                .put("/admin/wrap-up-reasons/TRANSFERRED").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");
        harness.transfer(id, "alice", TransferTargetType.AGENT, "bob", "Bob");
        harness.awaitState(id, ConversationState.OFFERED);
        RoutingEvent.ChatOffered offer = harness.offer(id, "bob", OfferKind.TRANSFER, "alice");
        harness.withdraw(offer, WithdrawReason.RONA_TIMEOUT);

        harness.awaitState(id, ConversationState.ABANDONED);
        assertEquals(Audience.CUSTOMER, harness.awaitSystemMessage(id, SystemMessages.TRANSFER_ABANDONED).audience());
        assertTrue(harness.events(id, ConversationEvent.ConversationQueued.class).stream()
                .noneMatch(q -> q.reason() == QueueReason.REQUEUE));
        TransferTest.assertAgentState(id, "bob", ParticipantState.WITHDRAWN);

        harness.wrapUp(id, "alice", "TRANSFERRED", null);
        harness.awaitState(id, ConversationState.CLOSED);
        TransferTest.assertOneWrapUpPerAgent(id, "alice");
    }

    @Test
    void aTransferTargetThatCannotBeOfferedTheChatAlsoAbandonsIt() {
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");
        harness.transfer(id, "alice", TransferTargetType.AGENT, "zoe", "Zoe");
        harness.awaitState(id, ConversationState.OFFERED);
        // Routing could not offer it at all (zoe not AVAILABLE): a withdrawal with no offer before it.
        harness.send(new RoutingEvent.OfferWithdrawn(newId(), java.time.Instant.now(), newId(), id,
                OfferKind.TRANSFER, "zoe", WithdrawReason.UNAVAILABLE));
        harness.awaitState(id, ConversationState.ABANDONED);
    }
}
