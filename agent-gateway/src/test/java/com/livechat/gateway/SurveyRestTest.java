package com.livechat.gateway;

import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Kafka;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code POST /api/chats/{id}/survey}: after the end only, validated at once, a second survey answered 409 once the
 * first is projected; the rating shows in the agent's history and the survey in the transcript.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class SurveyRestTest {

    String agentId;
    String agentToken;

    @BeforeEach
    void agent() {
        Fixtures.referenceData();
        agentId = Scenario.unique("agent");
        agentToken = TestTokens.agent(agentId, "Alice Martin");
    }

    @Test
    void theCustomerRatesTheChatOnceAfterTheEndAndTheAgentSeesTheRating() {
        Scenario chat = Fixtures.connectedChat(agentId, "Alice Martin");
        String customerToken = TestTokens.customer(chat.conversationId);

        survey(customerToken, chat.conversationId, 5, null).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("ILLEGAL_STATE"));

        chat.state(ConversationState.CONNECTED, ConversationState.CUSTOMER_ENDED, "CUSTOMER_ENDED");
        await().atMost(TestSocket.WAIT).until(() -> "CUSTOMER_ENDED".equals(given().auth().oauth2(agentToken)
                .get("/api/conversations/" + chat.conversationId).jsonPath().getString("state")));

        survey(customerToken, chat.conversationId, 6, null).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("INVALID_COMMAND"))
                .body("detail", equalTo("A rating is a whole number from 1 to 5; 6 is not."));
        survey(customerToken, chat.conversationId, 4, "c".repeat(1001)).then().statusCode(400)
                .body("code", equalTo("MESSAGE_TOO_LONG"));
        survey(customerToken, chat.conversationId, 4, "nul\u0000").then().statusCode(400)
                .body("code", equalTo("INVALID_MESSAGE"));
        given().auth().oauth2(customerToken).contentType("application/json").body(Map.of("comment", "no rating"))
                .post("/api/chats/" + chat.conversationId + "/survey").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(customerToken).contentType("application/json").body("{\"rating\": \"five\"}")
                .post("/api/chats/" + chat.conversationId + "/survey").then().statusCode(400)
                .contentType("application/problem+json");
        for (String notWhole : new String[] {"4.5", "\"4\"", "true", "12345678901234567890"}) {
            given().auth().oauth2(customerToken).contentType("application/json").body("{\"rating\": " + notWhole + "}")
                    .post("/api/chats/" + chat.conversationId + "/survey").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("INVALID_COMMAND"));
        }
        // Another chat's token cannot rate this one.
        survey(TestTokens.customer("another-chat"), chat.conversationId, 5, null).then().statusCode(403);

        String commandId = survey(customerToken, chat.conversationId, 4, "Quick and kind").then().statusCode(202)
                .extract().path("commandId");
        Kafka.Sent<ConversationCommand.SubmitSurvey> sent = Kafka.awaitConversationCommand(
                ConversationCommand.SubmitSurvey.class, c -> c.commandId().equals(commandId));
        assertEquals(chat.conversationId, sent.key());
        assertEquals(4, sent.command().rating());
        assertEquals("Quick and kind", sent.command().comment());
        String blankId = survey(customerToken, chat.conversationId, 3, "  ").then().statusCode(202)
                .extract().path("commandId");
        assertNull(Kafka.awaitConversationCommand(ConversationCommand.SubmitSurvey.class,
                c -> c.commandId().equals(blankId)).command().comment());

        // The conversation service records the first and publishes SurveySubmitted; from then on the gateway says 409.
        chat.survey(4, "Quick and kind");
        await().atMost(TestSocket.WAIT).until(() -> survey(customerToken, chat.conversationId, 1, null)
                .statusCode() == 409);
        survey(customerToken, chat.conversationId, 1, null).then().contentType("application/problem+json")
                .body("code", equalTo("SURVEY_ALREADY_SUBMITTED"));
        // A second SurveySubmitted (it cannot happen, but projections are idempotent) does not replace the first.
        chat.survey(1, "replayed");

        chat.participant(agentId, "Alice Martin", ParticipantState.ACTIVE, ParticipantState.WRAP_UP);
        chat.state(ConversationState.CUSTOMER_ENDED, ConversationState.ENDED, "AGENT_ENDED");
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(agentToken).get("/api/agent/history")
                .jsonPath().getList("items.surveyRating").contains(4));
        given().auth().oauth2(agentToken).get("/api/agent/history").then().statusCode(200)
                .body("items.find { it.conversationId == '" + chat.conversationId + "' }.surveyRating", equalTo(4));
        given().auth().oauth2(agentToken).get("/api/conversations/" + chat.conversationId + "/events?afterSeq=0")
                .then().statusCode(200).body("type", hasItem("survey-submitted"))
                .body("find { it.type == 'survey-submitted' }.comment", equalTo("Quick and kind"));
    }

    private static Response survey(String token, String conversationId, int rating, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("rating", rating);
        if (comment != null) {
            body.put("comment", comment);
        }
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/chats/" + conversationId + "/survey");
    }
}
