package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.Survey;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored {@link Survey}. */
@Entity(name = "Survey")
@Table(name = "survey")
public class SurveyRow {

    @Id
    private String conversationId;
    private String queueId;
    private int rating;
    private String comment;
    private Instant submittedAt;

    protected SurveyRow() {
    }

    static SurveyRow of(Survey survey) {
        SurveyRow row = new SurveyRow();
        row.conversationId = survey.conversationId();
        row.queueId = survey.queueId();
        row.rating = survey.rating();
        row.comment = survey.comment();
        row.submittedAt = survey.submittedAt();
        return row;
    }

    Survey toSurvey() {
        return new Survey(conversationId, queueId, rating, comment, submittedAt);
    }
}
