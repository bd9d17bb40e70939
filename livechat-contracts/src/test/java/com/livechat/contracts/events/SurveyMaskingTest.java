package com.livechat.contracts.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The survey's comment is free text: masking (and the conversation service's card guard) go through it. */
class SurveyMaskingTest {

    @Test
    void theCommentIsMaskedAndNothingElseChanges() {
        var survey = new ConversationCommand.SubmitSurvey("c-1", "conv-1", Instant.EPOCH, 4, "card 4111");
        var masked = (ConversationCommand.SubmitSurvey) survey.masked(text -> text.replace("4111", "****"));
        assertEquals(new ConversationCommand.SubmitSurvey("c-1", "conv-1", Instant.EPOCH, 4, "card ****"), masked);
        var none = new ConversationCommand.SubmitSurvey("c-2", "conv-1", Instant.EPOCH, 5, null);
        assertNull(((ConversationCommand.SubmitSurvey) none.masked(text -> "x")).comment());
    }
}
