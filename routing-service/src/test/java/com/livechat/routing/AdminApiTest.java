package com.livechat.routing;

import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.RoutingTestBase;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static com.livechat.testsupport.auth.AdminRequests.asAgent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The admin REST API: persisted, validated, idempotent, and published as reference data. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_routing_test"))
class AdminApiTest extends RoutingTestBase {

    @Test
    void aQueueIsCreatedWithDefaultsUpdatedIdempotentlyAndPublished() {
        String id = Inputs.id("support");
        putQueue(id, Map.of("name", "Support " + id)).statusCode(200)
                .body("id", equalTo(id))
                .body("ronaTimeoutSeconds", equalTo(30))
                .body("strategy", equalTo("LONGEST_AVAILABLE_AGENT"))
                .body("maxWaitSeconds", nullValue())
                .body("waitingChats", equalTo(0));
        Map<String, Object> update = Map.of("name", "Premium " + id, "ronaTimeoutSeconds", 45, "maxWaitSeconds", 600,
                "strategy", "LONGEST_AVAILABLE_AGENT");
        for (int i = 0; i < 2; i++) {
            asAdmin().contentType(ContentType.JSON).body(update).put("/admin/queues/{id}", id)
                    .then().statusCode(200).body("name", equalTo("Premium " + id)).body("ronaTimeoutSeconds", equalTo(45));
        }
        asAdmin().get("/admin/queues/{id}", id).then().statusCode(200)
                .body("maxWaitSeconds", equalTo(600)).body("agents", hasSize(0));
        ReferenceData.QueueInfo info = awaitReference(ReferenceData.QueueInfo.class,
                q -> q.id().equals(id) && q.name().equals("Premium " + id));
        assertEquals("queue:" + id, info.key());
    }

    /** Issue 14: the customer-inactivity settings are stored, shown, validated, and travel on each offer. */
    @Test
    void aQueuesInactivitySettingsAreKeptAndCarriedOnItsOffers() {
        String queue = Inputs.id("quiet");
        putQueue(queue, Map.of("name", "Quiet " + queue, "inactivityWarningSeconds", 0)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("inactivityWarningSeconds"));
        putQueue(queue, Map.of("name", "Quiet " + queue, "inactivityGraceSeconds", 3601)).statusCode(400)
                .body("errors.field", contains("inactivityGraceSeconds"));
        putQueue(queue, Map.of("name", "Quiet " + queue, "inactivityWarningSeconds", 90, "inactivityGraceSeconds", 30))
                .statusCode(200)
                .body("inactivityWarningSeconds", equalTo(90)).body("inactivityGraceSeconds", equalTo(30));
        asAdmin().get("/admin/queues/{id}", queue).then().statusCode(200)
                .body("inactivityWarningSeconds", equalTo(90)).body("inactivityGraceSeconds", equalTo(30));

        String agent = Inputs.id("agent");
        putAgent(agent, 1, queue);
        changeState(agent, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, Instant.now()));
        ChatOffered offered = awaitOffer(chat);
        assertEquals(90, offered.inactivityWarningSeconds());
        assertEquals(30, offered.inactivityGraceSeconds());

        String plain = Inputs.id("plain");
        putQueue(plain, 30);
        asAdmin().get("/admin/queues/{id}", plain).then().statusCode(200)
                .body("inactivityWarningSeconds", nullValue()).body("inactivityGraceSeconds", nullValue());
    }

    @Test
    void invalidQueuesAreRefusedWithAProblem() {
        String id = Inputs.id("q");
        putQueue(id, Map.of("ronaTimeoutSeconds", 2)).statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("name", "ronaTimeoutSeconds"));
        putQueue(id, Map.of("name", "X", "ronaTimeoutSeconds", 601)).statusCode(400)
                .body("errors.field", contains("ronaTimeoutSeconds"));
        putQueue(id, Map.of("name", "X", "maxWaitSeconds", 0)).statusCode(400)
                .body("errors.field", contains("maxWaitSeconds"));
        putQueue(id, Map.of("name", "X", "strategy", "RANDOM")).statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("detail", equalTo("strategy: must be LONGEST_AVAILABLE_AGENT"));
        asAdmin().contentType(ContentType.JSON).body("{\"name\":")
                .put("/admin/queues/{id}", id).then().statusCode(400).contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "X"))
                .put("/admin/queues/{id}", "not a valid id!")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        asAdmin().get("/admin/queues/{id}", id)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void queuesAreSearchedByNameIgnoringCase() {
        String tag = Inputs.id("tag").substring(4, 16);
        putNamedQueue(Inputs.id("q"), "Billing " + tag);
        putNamedQueue(Inputs.id("q"), "billing VIP " + tag);
        putNamedQueue(Inputs.id("q"), "Sales " + tag);
        asAdmin().queryParam("search", "BILLING " + tag.toUpperCase())
                .get("/admin/queues")
                .then().statusCode(200)
                .body("name", contains("Billing " + tag));
        asAdmin().queryParam("search", "billing").get("/admin/queues")
                .then().statusCode(200)
                .body("name", hasItem("billing VIP " + tag)).body("name", not(hasItem("Sales " + tag)));
        asAdmin().queryParam("search", "100%_").get("/admin/queues").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void percentAndUnderscoreInASearchMatchThemselvesOnly() {
        String tag = Inputs.id("tag").substring(4, 16);
        putNamedQueue(Inputs.id("q"), "Promo 50%_off " + tag);
        putNamedQueue(Inputs.id("q"), "Promo 500 off " + tag);
        // As wildcards, "%_" would match the second name too ("50" + "0" + " ").
        asAdmin().queryParam("search", "50%_off " + tag).get("/admin/queues")
                .then().statusCode(200).body("name", contains("Promo 50%_off " + tag));
        putAgentNamed(Inputs.id("a"), "Ann_Lee " + tag);
        putAgentNamed(Inputs.id("a"), "AnnXLee " + tag);
        asAdmin().queryParam("search", "ann_lee " + tag).get("/admin/agents")
                .then().statusCode(200).body("displayName", contains("Ann_Lee " + tag));
    }

    @Test
    void anAgentStartsLoggedOutAndIsShownWithTheQueuesTheyServe() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("alice");
        putQueue(queue, 30);
        asAdmin().contentType(ContentType.JSON).body(Map.of("displayName", "Alice Martin", "queueIds", List.of(queue)))
                .put("/admin/agents/{id}", agent)
                .then().statusCode(200)
                .body("state", equalTo("LOGGED_OUT"))
                .body("capacity", equalTo(3))
                .body("queueIds", contains(queue))
                .body("activeChats", equalTo(0));
        AgentStateChanged created = awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(agent));
        assertEquals(AgentState.LOGGED_OUT, created.state());
        assertNull(created.previousState());
        asAdmin().get("/admin/queues/{id}", queue).then().statusCode(200)
                .body("agents.id", contains(agent)).body("agents.state", contains("LOGGED_OUT"));

        changeState(agent, AgentState.AVAILABLE);
        asAdmin().queryParam("search", "alice MART").get("/admin/agents")
                .then().statusCode(200).body("id", hasItem(agent));
        asAdmin().get("/admin/agents/{id}", agent).then().statusCode(200)
                .body("state", equalTo("AVAILABLE")).body("displayName", equalTo("Alice Martin"));

        // Updating the profile keeps the state, and is published.
        asAdmin().contentType(ContentType.JSON).body(Map.of("displayName", "Alice M.", "queueIds", List.of(), "capacity", 5))
                .put("/admin/agents/{id}", agent)
                .then().statusCode(200).body("state", equalTo("AVAILABLE")).body("capacity", equalTo(5))
                .body("queueIds", hasSize(0));
        ReferenceData.AgentProfile profile = awaitReference(ReferenceData.AgentProfile.class,
                p -> p.id().equals(agent) && p.capacity() == 5);
        assertEquals("Alice M.", profile.displayName());
        assertEquals(List.of(), profile.queueIds());

        asAdmin().delete("/admin/agents/{id}", agent).then().statusCode(204);
        asAdmin().get("/admin/agents/{id}", agent).then().statusCode(404);
        asAdmin().delete("/admin/agents/{id}", agent).then().statusCode(404);
        awaitReference(ReferenceData.AgentProfile.class, p -> p.id().equals(agent) && p.deleted());
        awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(agent) && e.state() == AgentState.LOGGED_OUT
                && e.previousState() == AgentState.AVAILABLE);
    }

    @Test
    void invalidAgentsAreRefusedWithAProblem() {
        String agent = Inputs.id("a");
        asAdmin().contentType(ContentType.JSON).body(Map.of("displayName", "A", "capacity", 11))
                .put("/admin/agents/{id}", agent)
                .then().statusCode(400).body("errors.field", contains("capacity"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("displayName", "A", "capacity", 0))
                .put("/admin/agents/{id}", agent)
                .then().statusCode(400).body("errors.field", contains("capacity"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("displayName", " "))
                .put("/admin/agents/{id}", agent)
                .then().statusCode(400).body("errors.field", contains("displayName"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("displayName", "A", "queueIds", List.of("no-such-queue")))
                .put("/admin/agents/{id}", agent)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_QUEUE")).body("detail", containsString("no-such-queue"));
        // U+0000 never reaches PostgreSQL (it refuses it): a 400, in a body, a path or a query.
        asAdmin().contentType(ContentType.JSON).body(Map.of("displayName", "A\u0000B", "queueIds", List.of("q\u0000")))
                .put("/admin/agents/{id}", agent)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors", hasSize(2));
        asAdmin().urlEncodingEnabled(false).get("/admin/agents/a%00b").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        asAdmin().urlEncodingEnabled(false).get("/admin/queues?search=%00").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        asAdmin().get("/admin/agents/{id}", agent).then().statusCode(404);
    }

    @Test
    void idleCodesAreListedUpdatedDeletedAndPublished() {
        String code = Inputs.id("lunch");
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Lunch")).put("/admin/idle-codes/{code}", code)
                .then().statusCode(200).body("code", equalTo(code)).body("label", equalTo("Lunch"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "Long lunch")).put("/admin/idle-codes/{code}", code)
                .then().statusCode(200).body("label", equalTo("Long lunch"));
        asAdmin().get("/admin/idle-codes").then().statusCode(200).body("code", hasItem(code));
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", "")).put("/admin/idle-codes/{code}", code)
                .then().statusCode(400).body("errors.field", contains("label"));
        asAdmin().delete("/admin/idle-codes/{code}", code).then().statusCode(204);
        asAdmin().delete("/admin/idle-codes/{code}", code).then().statusCode(404);
        asAdmin().get("/admin/idle-codes").then().body("code", not(hasItem(code)));
        awaitReference(ReferenceData.IdleCodeInfo.class, i -> i.code().equals(code) && i.label().equals("Long lunch"));
        awaitReference(ReferenceData.IdleCodeInfo.class, i -> i.code().equals(code) && i.deleted());
    }

    @Test
    void aDeletedQueueIsPublishedAsDeletedReferenceData() {
        String queue = Inputs.id("q");
        putQueue(queue, 30);
        asAdmin().delete("/admin/queues/{id}", queue).then().statusCode(204);
        awaitReference(ReferenceData.QueueInfo.class, q -> q.id().equals(queue) && q.deleted());
    }

    private static void putAgentNamed(String id, String displayName) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("displayName", displayName)).put("/admin/agents/{id}", id)
                .then().statusCode(200);
    }

    private static void putNamedQueue(String id, String name) {
        putQueue(id, Map.of("name", name)).statusCode(200);
    }

    private static <T extends ReferenceData> T awaitReference(Class<T> type, java.util.function.Predicate<? super T> filter) {
        return org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> referenceData().records(type, filter), list -> !list.isEmpty()).get(0);
    }

    @Test
    void theAdminApiNeedsTheAdminRoleAndTheWaitingListAStaffRole() {
        for (String path : List.of("/admin/queues", "/admin/agents", "/admin/idle-codes", "/admin/queues/x",
                "/admin/agents/x", "/queues/x/waiting")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHORIZED"));
            asAgent("alice").get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("FORBIDDEN"));
        }
        given().auth().oauth2("not.a.token").get("/admin/queues").then().statusCode(401)
                .contentType("application/problem+json");
        asAgent("alice").contentType(ContentType.JSON).body(Map.of("name", "X")).put("/admin/queues/{id}", "x")
                .then().statusCode(403);
        asAgent("alice").delete("/admin/queues/{id}", "x").then().statusCode(403);
    }

}
