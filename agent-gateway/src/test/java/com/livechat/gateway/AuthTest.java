package com.livechat.gateway;

import com.livechat.gateway.socket.RevokedSocketCloser;
import com.livechat.gateway.support.Scenario;
import com.livechat.gateway.support.TestSocket;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.MutableClock;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login, the bootstrap admin account and account administration. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class AuthTest {

    @TestHTTPResource("/")
    URI baseUri;

    @Inject
    Pool pool;

    @Inject
    RevokedSocketCloser socketCloser;

    @Inject
    MutableClock clock;

    @Test
    void adminCreatesAnAgentWhoLogsIn() {
        String admin = login("admin", "admin").then().statusCode(200).body("roles", equalTo(List.of("admin")))
                .extract().path("token");
        String agentId = Scenario.unique("agent");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Alice Martin", "password", "livechat", "roles", List.of("agent", "supervisor")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200).body("agentId", equalTo(agentId));
        // Idempotent: the same PUT again, then a new password replaces the old one.
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Alice Martin", "password", "livechat", "roles", List.of("agent", "supervisor")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200);
        String token = login(agentId, "livechat").then().statusCode(200).body("agentId", equalTo(agentId))
                .body("displayName", equalTo("Alice Martin")).body("expiresAt", notNullValue())
                .body("roles", equalTo(List.of("agent", "supervisor"))).extract().path("token");
        given().auth().oauth2(token).get("/api/agent/me").then().statusCode(200).body("agentId", equalTo(agentId))
                .body("displayName", equalTo("Alice Martin"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Alice Martin", "password", "changed-pass", "roles", List.of("agent")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200);
        login(agentId, "livechat").then().statusCode(401);
        login(agentId, "changed-pass").then().statusCode(200);
    }

    @Test
    void simultaneousPutsOfANewAccountAllSucceed() throws Exception {
        String admin = login("admin", "admin").then().statusCode(200).extract().path("token");
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 5; round++) {
                String agentId = Scenario.unique("twin");
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    answers.add(clients.submit(() -> given().auth().oauth2(admin).contentType("application/json")
                            .body(Map.of("displayName", "Twin", "password", "livechat", "roles", List.of("agent")))
                            .put("/api/admin/accounts/" + agentId).statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    // The second of two first PUTs used to hit the primary key (500): an upsert is idempotent.
                    assertEquals(200, answer.get(), "a PUT of new account " + agentId);
                }
                login(agentId, "livechat").then().statusCode(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String wrong = login("admin", "not-the-password").then().statusCode(401)
                .contentType("application/problem+json").extract().asString();
        String unknown = login("nobody-" + Scenario.unique("x"), "whatever").then().statusCode(401)
                .contentType("application/problem+json").extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(wrong, unknown);
        given().contentType("application/json").body(Map.of("username", "admin")).post("/api/auth/login")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void accountValidation() {
        String admin = login("admin", "admin").then().extract().path("token");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "X", "password", "short", "roles", List.of("agent")))
                .put("/api/admin/accounts/x1").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "X", "password", "long-enough", "roles", List.of("emperor")))
                .put("/api/admin/accounts/x1").then().statusCode(400).body("code", equalTo("UNKNOWN_ROLE"));
        given().contentType("application/json")
                .body(Map.of("displayName", "X", "password", "long-enough", "roles", List.of("agent")))
                .put("/api/admin/accounts/x1").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void repeatedFailedLoginsAreThrottledEvenWithTheRightPassword() {
        String admin = login("admin", "admin").then().statusCode(200).extract().path("token");
        String agentId = Scenario.unique("guessed");
        createAccount(admin, agentId, "right-password");
        for (int i = 0; i < 5; i++) {
            login(agentId, "guess-" + i).then().statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
        }
        String retryAfter = login(agentId, "right-password").then().statusCode(429)
                .contentType("application/problem+json").body("status", equalTo(429))
                .body("code", equalTo("TOO_MANY_ATTEMPTS")).extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, retryAfter);
        // Other users are not affected.
        login("admin", "admin").then().statusCode(200);
    }

    /** Guesses sent all at once cannot all pass the check before the first of them fails. */
    @Test
    void parallelGuessesAreThrottledToo() throws Exception {
        String admin = login("admin", "admin").then().statusCode(200).extract().path("token");
        String agentId = Scenario.unique("parallel");
        createAccount(admin, agentId, "right-password");
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String guess = "guess-" + i;
                statuses.add(clients.submit(() -> login(agentId, guess).then().extract().statusCode()));
            }
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                counts.merge(status.get(), 1, Integer::sum);
            }
            assertEquals(Set.of(401, 429), counts.keySet(), counts.toString());
            assertTrue(counts.get(401) <= 5, "at most max-failures-per-user guesses checked: " + counts);
            // The checked guesses count as failures; the refused ones do not.
            assertEquals(counts.get(401).longValue(), pool.preparedQuery(
                    "select count(*) from login_failure where kind = 'user' and subject like $1 || ' %'")
                    .executeAndAwait(Tuple.of(agentId)).iterator().next().getLong(0));
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Failures for a user name from another address do not lock the user out: a user is throttled per client address
     * (here, five failures from 203.0.113.9, written as the instance that saw them would).
     */
    @Test
    void failuresFromAnotherAddressCannotLockAUserOut() {
        String admin = login("admin", "admin").then().statusCode(200).extract().path("token");
        String agentId = Scenario.unique("targeted");
        createAccount(admin, agentId, "right-password");
        for (int i = 0; i < 5; i++) {
            pool.preparedQuery("insert into login_failure (kind, subject) values ('user', $1), ('address', '203.0.113.9')")
                    .executeAndAwait(Tuple.of(agentId + " 203.0.113.9"));
        }
        login(agentId, "right-password").then().statusCode(200);
    }

    /** The address the tests' HTTP client reaches the gateway from. */
    static final String TEST_CLIENT_ADDRESS = "127.0.0.1";

    /** Failures counted by another gateway instance (rows it wrote) throttle here too: the counts are shared. */
    @Test
    void failedLoginsAtAnotherInstanceCountHereToo() {
        String admin = login("admin", "admin").then().statusCode(200).extract().path("token");
        String agentId = Scenario.unique("shared");
        createAccount(admin, agentId, "right-password");
        for (int i = 0; i < 4; i++) {
            pool.preparedQuery("insert into login_failure (kind, subject) values ('user', $1)")
                    .executeAndAwait(Tuple.of(agentId + " " + TEST_CLIENT_ADDRESS));
        }
        // Four failures elsewhere: one more attempt is allowed, and it fails here.
        login(agentId, "guess").then().statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
        login(agentId, "right-password").then().statusCode(429).body("code", equalTo("TOO_MANY_ATTEMPTS"));

        // Once they are older than the window (here: moved back in time), the right password works and clears them.
        pool.preparedQuery("update login_failure set failed_at = failed_at - interval '2 minutes' where subject like $1 || ' %'")
                .executeAndAwait(Tuple.of(agentId));
        login(agentId, "right-password").then().statusCode(200);
        assertEquals(0L, pool.preparedQuery("select count(*) from login_failure where kind = 'user' and subject like $1 || ' %'")
                .executeAndAwait(Tuple.of(agentId)).iterator().next().getLong(0));
    }

    @Test
    void aDisabledAccountIsRefusedAtLoginOnRestAndOnSocketUpgradeEvenWithAValidToken() {
        String admin = login("admin", "admin").then().statusCode(200).extract().path("token");
        String agentId = Scenario.unique("leaver");
        createAccount(admin, agentId, "livechat");
        String token = login(agentId, "livechat").then().statusCode(200).extract().path("token");
        given().auth().oauth2(token).get("/api/agent/me").then().statusCode(200);
        TestSocket.agent(baseUri, token).close();

        given().auth().oauth2(admin).delete("/api/admin/accounts/" + agentId).then().statusCode(204);
        login(agentId, "livechat").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("ACCOUNT_DISABLED"));
        given().auth().oauth2(token).get("/api/agent/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, token)));

        // An administrator cannot disable their own account; an unknown one is not found.
        given().auth().oauth2(admin).delete("/api/admin/accounts/admin").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_STATE"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Administrator", "password", "admin-pass", "roles", List.of("admin"),
                        "disabled", true))
                .put("/api/admin/accounts/admin").then().statusCode(409);
        given().auth().oauth2(admin).delete("/api/admin/accounts/" + Scenario.unique("nobody")).then().statusCode(404)
                .contentType("application/problem+json");

        // A PUT without "disabled" enables it again: a new login works, the token issued before stays revoked.
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Leaver", "password", "livechat", "roles", List.of("agent")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200).body("disabled", equalTo(false));
        String fresh = login(agentId, "livechat").then().statusCode(200).extract().path("token");
        given().auth().oauth2(fresh).get("/api/agent/me").then().statusCode(200);
        given().auth().oauth2(token).get("/api/agent/me").then().statusCode(401);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Leaver", "password", "livechat", "roles", List.of("agent"), "disabled", true))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200).body("disabled", equalTo(true));
        given().auth().oauth2(fresh).get("/api/agent/me").then().statusCode(401);
    }

    @Test
    void aNewPasswordOrOtherRolesRevokeEarlierTokensAndCloseTheirSockets() {
        String admin = login("admin", "admin").then().statusCode(200).extract().path("token");
        String agentId = Scenario.unique("changed");
        createAccount(admin, agentId, "first-pass");
        String token = login(agentId, "first-pass").then().statusCode(200).extract().path("token");
        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            // The same PUT again (seeding twice) and a new display name change nothing the token stands on.
            createAccount(admin, agentId, "first-pass");
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("displayName", "Renamed", "password", "first-pass", "roles", List.of("agent")))
                    .put("/api/admin/accounts/" + agentId).then().statusCode(200);
            given().auth().oauth2(token).get("/api/agent/me").then().statusCode(200);
            assertTrue(socket.isOpen());

            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("displayName", "Renamed", "password", "second-pass", "roles", List.of("agent")))
                    .put("/api/admin/accounts/" + agentId).then().statusCode(200);
            assertEquals(4401, socket.awaitClosedByServer());
        }
        given().auth().oauth2(token).get("/api/agent/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHORIZED"));
        assertEquals(401, TestSocket.refusedUpgrade(() -> TestSocket.agent(baseUri, token)));
        login(agentId, "first-pass").then().statusCode(401);

        String second = login(agentId, "second-pass").then().statusCode(200).extract().path("token");
        given().auth().oauth2(second).get("/api/agent/me").then().statusCode(200);
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Renamed", "password", "second-pass", "roles", List.of("agent", "supervisor")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200);
        given().auth().oauth2(second).get("/api/agent/me").then().statusCode(401);
    }

    /**
     * Another gateway instance changed the account (here: the row, as that instance writes it): this instance closes
     * the socket it holds at its next periodic check (run here directly: the test profile's interval is an hour).
     */
    @Test
    void aSocketIsClosedWhenAnotherInstanceDisablesTheAccount() {
        String admin = login("admin", "admin").then().statusCode(200).extract().path("token");
        String agentId = Scenario.unique("elsewhere");
        createAccount(admin, agentId, "livechat");
        String token = login(agentId, "livechat").then().statusCode(200).extract().path("token");
        try (TestSocket socket = TestSocket.agent(baseUri, token)) {
            socket.await("hello");
            pool.preparedQuery("update account set disabled = true, credentials_version = credentials_version + 1"
                    + " where agent_id = $1").executeAndAwait(Tuple.of(agentId));
            assertTrue(socket.isOpen());
            assertTrue(socketCloser.closeRevoked().await().atMost(TestSocket.WAIT) >= 1);
            assertEquals(4401, socket.awaitClosedByServer());
        }
    }

    /**
     * A socket opened with a token that then expires is closed with 4401 by the next check after its {@code exp}
     * (run here directly; the gateway's clock is not moved, so the other tests' tokens are not touched).
     */
    @Test
    void aSocketIsClosedWith4401WhenItsTokenExpires() {
        String agentId = Scenario.unique("expiring");
        Instant expiresAt = Instant.now().plusSeconds(10);
        try (TestSocket socket = TestSocket.agent(baseUri, TestTokens.agentUntil(agentId, "Expiring", expiresAt))) {
            socket.await("hello");
            if (clock.instant().isBefore(expiresAt)) {
                socketCloser.closeRevoked().await().atMost(TestSocket.WAIT);
                assertTrue(socket.isOpen(), "a token still valid keeps its socket open");
            }
            org.awaitility.Awaitility.await().atMost(TestSocket.WAIT).pollInterval(java.time.Duration.ofSeconds(1))
                    .until(() -> socketCloser.closeRevoked().await().atMost(TestSocket.WAIT) >= 1 || !socket.isOpen());
            assertEquals(4401, socket.awaitClosedByServer());
        }
    }

    /** bcrypt hashes the first 72 bytes only: a longer password would let its 72-byte prefix in (issue 17). */
    @Test
    void aPasswordLongerThanBcryptHashesIsRefusedWhenSetAndAtLogin() {
        String admin = login("admin", "admin").then().statusCode(200).extract().path("token");
        String agentId = Scenario.unique("long-pass");
        String longest = "é".repeat(36); // 72 bytes in UTF-8, 36 characters
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("displayName", "Someone", "password", longest + "x", "roles", List.of("agent")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("password"))
                .body("detail", equalTo("password: must be at most 72 bytes in UTF-8"));
        createAccount(admin, agentId, longest);
        login(agentId, longest).then().statusCode(200);
        login(agentId, longest + "-anything").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("password"));
    }

    private static void createAccount(String adminToken, String agentId, String password) {
        given().auth().oauth2(adminToken).contentType("application/json")
                .body(Map.of("displayName", "Someone", "password", password, "roles", List.of("agent")))
                .put("/api/admin/accounts/" + agentId).then().statusCode(200).body("disabled", equalTo(false));
    }

    private static io.restassured.response.Response login(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }
}
