package com.livechat.conversation;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The customer's satisfaction survey, on the real broker and database: after the end only, once, validated. */
@QuarkusTest
class SurveyTest {

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void aSurveyAfterTheEndIsRecordedOnceAndPublishedWithTheQueue() {
        String id = newId();
        harness.start(id, "support");
        harness.connect(id, "alice");

        var tooEarly = survey(id, 5, "great");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(tooEarly).code());

        harness.customerEnds(id);
        harness.awaitState(id, ConversationState.CUSTOMER_ENDED);

        var six = survey(id, 6, null);
        ConversationEvent.CommandRejected sixRejected = harness.awaitRejection(six);
        assertEquals(RejectionCode.INVALID_COMMAND, sixRejected.code());
        assertEquals(SenderType.CUSTOMER, sixRejected.issuer());
        var huge = survey(id, 4, "c".repeat(1001));
        assertEquals(RejectionCode.MESSAGE_TOO_LONG, harness.awaitRejection(huge).code());

        var first = survey(id, 4, "Quick and kind");
        ConversationEvent.SurveySubmitted submitted = harness.awaitEvent(id, ConversationEvent.SurveySubmitted.class,
                e -> true);
        assertEquals(4, submitted.rating());
        assertEquals("Quick and kind", submitted.comment());
        assertEquals("support", submitted.queueId());

        var second = survey(id, 1, "changed my mind");
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(second).code());
        // A redelivery of the first one changes nothing either.
        harness.send(first);
        harness.agentEnds(id, "alice");
        harness.awaitState(id, ConversationState.ENDED);

        assertEquals(1, harness.events(id, ConversationEvent.SurveySubmitted.class).size());
        assertEquals(1, Database.count("select count(*) from survey where conversation_id = ?", id));
        asAdmin().get("/conversations/{id}", id).then().statusCode(200)
                .body("survey.rating", equalTo(4))
                .body("survey.comment", equalTo("Quick and kind"));
        LifecycleTest.assertSeqsAreGapless(id);
    }

    @Test
    void anAbandonedChatHasNothingToRateAndABlankCommentIsNone() {
        String abandoned = newId();
        harness.start(abandoned, "support");
        harness.customerEnds(abandoned);
        harness.awaitState(abandoned, ConversationState.CLOSED);
        var refused = survey(abandoned, 3, null);
        assertEquals(RejectionCode.ILLEGAL_STATE, harness.awaitRejection(refused).code());
        asAdmin().get("/conversations/{id}", abandoned).then().statusCode(200).body("survey", nullValue());

        String ended = newId();
        harness.start(ended, "support");
        harness.connect(ended, "alice");
        harness.agentEnds(ended, "alice");
        harness.awaitState(ended, ConversationState.ENDED);
        survey(ended, 5, "   ");
        ConversationEvent.SurveySubmitted submitted = harness.awaitEvent(ended,
                ConversationEvent.SurveySubmitted.class, e -> true);
        assertNull(submitted.comment());
    }

    private ConversationCommand.SubmitSurvey survey(String conversationId, int rating, String comment) {
        var command = new ConversationCommand.SubmitSurvey(newId(), conversationId, Instant.now(), rating, comment);
        harness.send(command);
        return command;
    }
}
