package com.livechat.gateway;

import com.livechat.gateway.support.Fixtures;
import com.livechat.gateway.support.Kafka;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.events.TransferTargetType;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent REST API: the checks the gateway makes itself, and the commands it writes when they pass. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class AgentRestTest {

    String agentId;
    String token;

    @BeforeEach
    void agent() {
        Fixtures.referenceData();
        agentId = Scenario.unique("agent");
        token = TestTokens.agent(agentId, "Alice Martin");
    }

    @Test
    void stateChangesAndIdleCodes() {
        given().auth().oauth2(token).get("/api/idle-codes").then().statusCode(200)
                .body("code", hasItem(Fixtures.IDLE_CODE)).body("find { it.code == 'BREAK' }.label", equalTo("Break"));
        given().auth().oauth2(token).get("/api/agent/me").then().statusCode(200).body("agentId", equalTo(agentId))
                .body("displayName", equalTo("Alice Martin")).body("presence.state", equalTo("LOGGED_OUT"));

        String commandId = state(Map.of("state", "AVAILABLE")).then().statusCode(202).extract().path("commandId");
        Kafka.Sent<RoutingCommand.ChangeAgentState> change = Kafka.awaitRoutingCommand(RoutingCommand.ChangeAgentState.class,
                c -> c.commandId().equals(commandId));
        assertEquals(agentId, change.key());
        assertEquals(AgentState.AVAILABLE, change.command().state());

        state(Map.of("state", "IDLE")).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_IDLE_CODE"));
        state(Map.of("state", "IDLE", "idleCode", "NAP")).then().statusCode(400).body("code", equalTo("UNKNOWN_IDLE_CODE"));
        state(Map.of("state", "RONA")).then().statusCode(400).contentType("application/problem+json");
        state(Map.of("state", "ASLEEP")).then().statusCode(400).contentType("application/problem+json");

        // RONA -> AVAILABLE is the agent's manual step.
        Scenario.presence(agentId, "Alice Martin", AgentState.RONA, 0, 2);
        await().atMost(TestSocket.WAIT).until(() -> "RONA".equals(me().getString("presence.state")));
        state(Map.of("state", "AVAILABLE")).then().statusCode(202);
        String idle = state(Map.of("state", "IDLE", "idleCode", Fixtures.IDLE_CODE)).then().statusCode(202)
                .extract().path("commandId");
        assertEquals(Fixtures.IDLE_CODE, Kafka.awaitRoutingCommand(RoutingCommand.ChangeAgentState.class,
                c -> c.commandId().equals(idle)).command().idleCode());
    }

    @Test
    void presenceSaysSinceWhenTheAgentIsInTheirStateWhateverTheLoad() {
        Scenario.presence(agentId, "Alice Martin", AgentState.AVAILABLE, 0, 3);
        await().atMost(TestSocket.WAIT).until(() -> "AVAILABLE".equals(me().getString("presence.state")));
        String availableSince = me().getString("presence.stateSince");
        assertNotNull(availableSince);

        // A chat assigned: routing announces the new load with the same state.
        Scenario.presence(agentId, "Alice Martin", AgentState.AVAILABLE, 1, 3);
        await().atMost(TestSocket.WAIT).until(() -> me().getInt("presence.activeChats") == 1);
        assertEquals(availableSince, me().getString("presence.stateSince"));

        Scenario.presence(agentId, "Alice Martin", AgentState.RONA, 1, 3);
        await().atMost(TestSocket.WAIT).until(() -> "RONA".equals(me().getString("presence.state")));
        assertTrue(Instant.parse(me().getString("presence.stateSince")).isAfter(Instant.parse(availableSince)));
    }

    @Test
    void offersAcceptDecline() {
        Scenario chat = Scenario.newConversation(Fixtures.QUEUE).started("Bob").queued();
        String offerId = chat.offer(agentId, "Alice Martin", OfferKind.QUEUE);
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(token).get("/api/agent/offers").asString()
                .contains(offerId));
        given().auth().oauth2(token).get("/api/agent/offers").then().body("[0].conversationId", equalTo(chat.conversationId))
                .body("[0].queueName", equalTo("Support"));
        // Someone else's offer is not theirs to accept.
        given().auth().oauth2(TestTokens.agent("someone-else", "X")).post("/api/agent/offers/" + offerId + "/accept")
                .then().statusCode(404).body("code", equalTo("OFFER_NOT_PENDING"));
        // Offered is not taking part: nothing to end or wrap up yet.
        given().auth().oauth2(token).post("/api/conversations/" + chat.conversationId + "/end").then().statusCode(409);
        json().body(Map.of("reasonCode", Fixtures.WRAP_UP_REASON)).post("/api/conversations/" + chat.conversationId
                + "/wrap-up").then().statusCode(409).body("code", equalTo("ILLEGAL_STATE"));
        String declineId = given().auth().oauth2(token).post("/api/agent/offers/" + offerId + "/decline")
                .then().statusCode(202).extract().path("commandId");
        assertEquals(offerId, Kafka.awaitRoutingCommand(RoutingCommand.DeclineOffer.class,
                c -> c.commandId().equals(declineId)).command().offerId());
        given().auth().oauth2(token).post("/api/agent/offers/unknown/accept").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void messagesTemplatesAndTheirRules() {
        Scenario chat = connected();
        String base = "/api/conversations/" + chat.conversationId;
        message(base, "x".repeat(1001)).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MESSAGE_TOO_LONG"));
        message(base, "a <b>").then().statusCode(400).body("code", equalTo("RESERVED_CHARACTERS"))
                .body("detail", equalTo("The characters < and > are reserved for message-template parameters and cannot be used in agent messages."));
        message(base, "").then().statusCode(400).body("code", equalTo("INVALID_MESSAGE"));
        json().body(Map.of("text", "no id")).post(base + "/messages").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        // 1000 code points, emoji included, is fine.
        String ok = "\uD83D\uDE00".repeat(1000);
        String commandId = message(base, ok).then().statusCode(202).body("clientMessageId", equalTo("m-1"))
                .extract().path("commandId");
        assertEquals(ok, Kafka.awaitConversationCommand(ConversationCommand.PostMessage.class,
                c -> c.commandId().equals(commandId)).command().text());

        given().auth().oauth2(token).get("/api/templates").then().statusCode(200).body("id", hasItem(Fixtures.TEMPLATE));
        String templateCommand = json().body(Map.of("clientMessageId", "t-1")).post(base + "/templates/" + Fixtures.TEMPLATE)
                .then().statusCode(202).extract().path("commandId");
        assertEquals(Fixtures.TEMPLATE, Kafka.awaitConversationCommand(ConversationCommand.SendTemplate.class,
                c -> c.commandId().equals(templateCommand)).command().templateId());
        json().body(Map.of("clientMessageId", "t-2")).post(base + "/templates/nope").then().statusCode(404)
                .body("code", equalTo("UNKNOWN_TEMPLATE"));
    }

    @Test
    void endThenWrapUpAndHistory() {
        Scenario chat = connected();
        String base = "/api/conversations/" + chat.conversationId;
        String endId = given().auth().oauth2(token).post(base + "/end").then().statusCode(202).extract().path("commandId");
        assertEquals(agentId, Kafka.awaitConversationCommand(ConversationCommand.EndByAgent.class,
                c -> c.commandId().equals(endId)).command().agentId());

        // Wrap-up right after "end", before the participation change is back: both take the conversation's ordered path.
        json().body(Map.of("reasonCode", Fixtures.WRAP_UP_REASON)).post(base + "/wrap-up").then().statusCode(202);
        chat.participant(agentId, "Alice Martin", ParticipantState.ACTIVE, ParticipantState.WRAP_UP);
        chat.state(ConversationState.CONNECTED, ConversationState.ENDED, "AGENT_ENDED");
        await().atMost(TestSocket.WAIT).until(() -> "WRAP_UP".equals(given().auth().oauth2(token).get(base)
                .jsonPath().getString("myParticipantState")));
        message(base, "too late").then().statusCode(409);
        given().auth().oauth2(token).get("/api/wrap-up-reasons?search=resol").then().statusCode(200)
                .body("code", equalTo(List.of(Fixtures.WRAP_UP_REASON)));
        json().body(Map.of("reasonCode", "NOPE")).post(base + "/wrap-up").then().statusCode(400)
                .body("code", equalTo("UNKNOWN_WRAP_UP_REASON"));
        // The note limit is the conversation service's: 1000 code points (1000 emoji are 2000 UTF-16 chars).
        json().body(Map.of("reasonCode", Fixtures.WRAP_UP_REASON, "note", "n".repeat(1001))).post(base + "/wrap-up")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("MESSAGE_TOO_LONG"))
                .body("detail", equalTo("A wrap-up note may hold at most 1000 characters; this one has 1001."));
        json().body(Map.of("reasonCode", Fixtures.WRAP_UP_REASON, "note", "nul\u0000")).post(base + "/wrap-up")
                .then().statusCode(400).body("code", equalTo("INVALID_MESSAGE"));
        String emojiNote = "😀".repeat(1000);
        String emojiWrapId = json().body(Map.of("reasonCode", Fixtures.WRAP_UP_REASON, "note", emojiNote))
                .post(base + "/wrap-up").then().statusCode(202).extract().path("commandId");
        assertEquals(emojiNote, Kafka.awaitConversationCommand(ConversationCommand.SubmitWrapUp.class,
                c -> c.commandId().equals(emojiWrapId)).command().note());
        String wrapId = json().body(Map.of("reasonCode", Fixtures.WRAP_UP_REASON, "note", "sorted"))
                .post(base + "/wrap-up").then().statusCode(202).extract().path("commandId");
        assertEquals("sorted", Kafka.awaitConversationCommand(ConversationCommand.SubmitWrapUp.class,
                c -> c.commandId().equals(wrapId)).command().note());

        chat.wrapUp(agentId, Fixtures.WRAP_UP_REASON);
        chat.participant(agentId, "Alice Martin", ParticipantState.WRAP_UP, ParticipantState.DONE);
        await().atMost(TestSocket.WAIT).until(() -> !given().auth().oauth2(token).get("/api/agent/conversations")
                .asString().contains(chat.conversationId));
        json().body(Map.of("reasonCode", Fixtures.WRAP_UP_REASON)).post(base + "/wrap-up").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_STATE"));
        given().auth().oauth2(token).get("/api/agent/history?page=0&size=10").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].conversationId", equalTo(chat.conversationId))
                .body("items[0].participantState", equalTo("DONE"))
                .body("items[0].wrapUpCode", equalTo(Fixtures.WRAP_UP_REASON));
        // The history's search: the wrap-up reason (any case) or the id find it, another text finds nothing.
        given().auth().oauth2(token).queryParam("search", (Fixtures.WRAP_UP_REASON + " LABEL").toLowerCase())
                .get("/api/agent/history").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].conversationId", equalTo(chat.conversationId));
        given().auth().oauth2(token).queryParam("search", chat.conversationId).get("/api/agent/history").then()
                .statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(token).queryParam("search", "nobody by that name").get("/api/agent/history").then()
                .statusCode(200).body("total", equalTo(0)).body("items.size()", equalTo(0));
        given().auth().oauth2(token).queryParam("search", "x".repeat(201)).get("/api/agent/history").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        // The transcript stays readable to someone who took part.
        given().auth().oauth2(token).get(base + "/events?afterSeq=0").then().statusCode(200)
                .body("type", hasItem("wrap-up-recorded"));
        given().auth().oauth2(token).get("/api/agent/history?size=1000").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void percentAndUnderscoreInASearchMatchThemselvesOnly() {
        String tag = Scenario.unique("tag");
        String literal = Scenario.unique("PCT");
        String lookalike = Scenario.unique("PCT");
        Scenario.wrapUpReason(literal, "Refund 100%_ok " + tag);
        Scenario.wrapUpReason(lookalike, "Refund 1000 ok " + tag);
        String underscored = Scenario.unique("ann");
        String plain = Scenario.unique("ann");
        Scenario.presence(underscored, "Ann_Lee " + tag, AgentState.AVAILABLE, 0, 3);
        Scenario.presence(plain, "AnnXLee " + tag, AgentState.AVAILABLE, 0, 3);
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(token).queryParam("search", tag)
                .get("/api/wrap-up-reasons").jsonPath().getList("code").size() == 2);
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(token).queryParam("search", tag)
                .get("/api/transfer-targets").jsonPath().getList("agents").size() == 2);

        // As wildcards, "%_" and "_" would match the look-alikes too.
        given().auth().oauth2(token).queryParam("search", "100%_OK " + tag).get("/api/wrap-up-reasons").then()
                .statusCode(200).body("code", equalTo(List.of(literal)));
        given().auth().oauth2(token).queryParam("search", "ann_lee " + tag).get("/api/transfer-targets").then()
                .statusCode(200).body("agents.agentId", equalTo(List.of(underscored)));
    }

    @Test
    void transferTargetsAndTransfer() {
        String colleague = Scenario.unique("colleague");
        String busy = Scenario.unique("busy");
        Scenario.presence(colleague, "Chloé Bernard", AgentState.AVAILABLE, 1, 3);
        Scenario.presence(busy, "Busy Bee", AgentState.AVAILABLE, 2, 2);
        Scenario.presence(agentId, "Alice Martin", AgentState.AVAILABLE, 1, 3);
        Scenario chat = connected();
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(token).get("/api/transfer-targets")
                .asString().contains(colleague));
        given().auth().oauth2(token).get("/api/transfer-targets").then().statusCode(200)
                .body("queues.id", hasItem(Fixtures.QUEUE)).body("agents.agentId", not(hasItem(busy)))
                .body("agents.agentId", not(hasItem(agentId)));
        given().auth().oauth2(token).get("/api/transfer-targets?search=chlo").then()
                .body("agents.agentId", equalTo(List.of(colleague))).body("queues", equalTo(List.of()));

        String base = "/api/conversations/" + chat.conversationId;
        transfer(base, "AGENT", busy).then().statusCode(409).body("code", equalTo("TARGET_NOT_AVAILABLE"));
        transfer(base, "AGENT", "ghost").then().statusCode(404).body("code", equalTo("UNKNOWN_AGENT"));
        transfer(base, "QUEUE", "ghost-queue").then().statusCode(404).body("code", equalTo("UNKNOWN_QUEUE"));
        transfer(base, "PLANET", "x").then().statusCode(400).contentType("application/problem+json");
        String toAgent = transfer(base, "AGENT", colleague).then().statusCode(202).extract().path("commandId");
        ConversationCommand.RequestTransfer command = Kafka.awaitConversationCommand(
                ConversationCommand.RequestTransfer.class, c -> c.commandId().equals(toAgent)).command();
        assertEquals(TransferTargetType.AGENT, command.targetType());
        assertEquals("Chloé Bernard", command.targetName());
        String toQueue = transfer(base, "QUEUE", "sales").then().statusCode(202).extract().path("commandId");
        assertEquals("Sales", Kafka.awaitConversationCommand(ConversationCommand.RequestTransfer.class,
                c -> c.commandId().equals(toQueue)).command().targetName());
    }

    @Test
    void conferenceRequestAndEnd() {
        String colleague = Scenario.unique("colleague");
        Scenario.presence(colleague, "Bob Dupont", AgentState.AVAILABLE, 0, 2);
        Scenario chat = connected();
        String base = "/api/conversations/" + chat.conversationId;
        given().auth().oauth2(token).post(base + "/conference/end").then().statusCode(409);
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(token).get("/api/transfer-targets")
                .asString().contains(colleague));
        json().body(Map.of("agentId", agentId)).post(base + "/conference").then().statusCode(409);
        String requestId = json().body(Map.of("agentId", colleague)).post(base + "/conference").then().statusCode(202)
                .extract().path("commandId");
        ConversationCommand.RequestConference request = Kafka.awaitConversationCommand(
                ConversationCommand.RequestConference.class, c -> c.commandId().equals(requestId)).command();
        assertEquals(colleague, request.inviteeId());
        assertEquals("Bob Dupont", request.inviteeName());

        chat.conferenceRequested(colleague, agentId);
        chat.participant(agentId, "Alice Martin", ParticipantState.ACTIVE, ParticipantState.CONFERENCE_REQUESTED);
        chat.participant(colleague, "Bob Dupont", ParticipantState.OFFERED, ParticipantState.CONFERENCE);
        chat.participant(agentId, "Alice Martin", ParticipantState.CONFERENCE_REQUESTED, ParticipantState.CONFERENCE);
        await().atMost(TestSocket.WAIT).until(() -> "CONFERENCE".equals(given().auth().oauth2(token).get(base)
                .jsonPath().getString("myParticipantState")));
        // Both agents may write; the invitee sees the conversation too.
        String colleagueToken = TestTokens.agent(colleague, "Bob Dupont");
        message(base, "hello from Alice").then().statusCode(202);
        given().auth().oauth2(colleagueToken).contentType("application/json")
                .body(Map.of("clientMessageId", "b-1", "text", "hello from Bob")).post(base + "/messages").then().statusCode(202);
        given().auth().oauth2(colleagueToken).get(base).then().statusCode(200).body("participants.agentId", hasItem(agentId));
        // No transfer in the middle of a conference.
        transfer(base, "QUEUE", Fixtures.QUEUE).then().statusCode(409);

        String endId = given().auth().oauth2(token).post(base + "/conference/end").then().statusCode(202)
                .extract().path("commandId");
        assertEquals(agentId, Kafka.awaitConversationCommand(ConversationCommand.EndConference.class,
                c -> c.commandId().equals(endId)).command().agentId());
    }

    @Test
    void noTransferOrInvitationToAColleagueWhoseEarlierPartInTheChatIsNotOver() {
        String colleague = Scenario.unique("colleague");
        String invitee = Scenario.unique("invitee");
        Scenario.presence(colleague, "Bob Dupont", AgentState.AVAILABLE, 0, 3);
        Scenario.presence(invitee, "Chloé Bernard", AgentState.AVAILABLE, 0, 3);
        Scenario chat = connected();
        String base = "/api/conversations/" + chat.conversationId;
        // Bob was in a conference in this chat and left it: he is wrapping up his part, Alice carries on alone.
        chat.conferenceRequested(colleague, agentId);
        chat.participant(agentId, "Alice Martin", ParticipantState.ACTIVE, ParticipantState.CONFERENCE_REQUESTED);
        chat.participant(colleague, "Bob Dupont", ParticipantState.OFFERED, ParticipantState.CONFERENCE);
        chat.participant(agentId, "Alice Martin", ParticipantState.CONFERENCE_REQUESTED, ParticipantState.CONFERENCE);
        chat.participant(colleague, "Bob Dupont", ParticipantState.CONFERENCE, ParticipantState.WRAP_UP);
        chat.participant(agentId, "Alice Martin", ParticipantState.CONFERENCE, ParticipantState.ACTIVE);
        // Chloé has a conference offer of this chat ringing.
        String inviteeOffer = chat.offer(invitee, "Chloé Bernard", OfferKind.CONFERENCE);
        await().atMost(TestSocket.WAIT).until(() -> "ACTIVE".equals(given().auth().oauth2(token).get(base)
                .jsonPath().getString("myParticipantState")));
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(TestTokens.agent(invitee, "Chloé Bernard"))
                .get("/api/agent/offers").asString().contains(inviteeOffer));
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(token).get("/api/transfer-targets")
                .asString().contains(invitee));

        transfer(base, "AGENT", colleague).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("ILLEGAL_STATE")).body("detail", containsString("WRAP_UP"));
        json().body(Map.of("agentId", colleague)).post(base + "/conference").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_STATE")).body("detail", containsString("WRAP_UP"));
        transfer(base, "AGENT", invitee).then().statusCode(409).body("code", equalTo("ILLEGAL_STATE"))
                .body("detail", containsString("offered"));
        json().body(Map.of("agentId", invitee)).post(base + "/conference").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_STATE"));

        // Once Bob's wrap-up is recorded, his part is over: he may be handed the chat again.
        chat.wrapUp(colleague, Fixtures.WRAP_UP_REASON);
        chat.participant(colleague, "Bob Dupont", ParticipantState.WRAP_UP, ParticipantState.DONE);
        await().atMost(TestSocket.WAIT).until(() -> transfer(base, "AGENT", colleague).statusCode() == 202);
    }

    @Test
    void unreadableEventsAreSkippedAndEventsAreProjectedOnce() {
        Kafka.publishRaw(Topics.CONVERSATION_EVENTS, "poison", "{this is not an event");
        Kafka.publishRaw(Topics.ROUTING_EVENTS, "poison", "{\"type\":\"Unknown\"}");
        Scenario chat = connected();
        chat.customerSays("only once");
        // Redelivery (or a second gateway instance writing the same events): the same seq again changes nothing.
        Scenario replay = new Scenario(chat.conversationId, Fixtures.QUEUE);
        for (long i = 1; i < chat.seq(); i++) {
            replay.customerSays("a duplicate that must be ignored");
        }
        replay.customerSays("the same seq again");
        String base = "/api/conversations/" + chat.conversationId + "/events";
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(token).get(base).jsonPath()
                .getList("seq").size() == chat.seq());
        chat.customerSays("next");
        await().atMost(TestSocket.WAIT).until(() -> given().auth().oauth2(token).get(base).asString().contains("next"));
        List<String> texts = given().auth().oauth2(token).get(base).jsonPath().getList("findAll { it.type == 'message' }.text");
        assertEquals(List.of("only once", "next"), texts);
    }

    private Scenario connected() {
        return Fixtures.connectedChat(agentId, "Alice Martin");
    }

    private RequestSpecification json() {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private io.restassured.response.Response state(Map<String, Object> body) {
        return json().body(body).put("/api/agent/state");
    }

    private io.restassured.response.Response message(String base, String text) {
        return json().body(Map.of("clientMessageId", "m-1", "text", text)).post(base + "/messages");
    }

    private io.restassured.response.Response transfer(String base, String type, String target) {
        return json().body(Map.of("targetType", type, "targetId", target)).post(base + "/transfer");
    }

    private io.restassured.path.json.JsonPath me() {
        return given().auth().oauth2(token).get("/api/agent/me").jsonPath();
    }
}
