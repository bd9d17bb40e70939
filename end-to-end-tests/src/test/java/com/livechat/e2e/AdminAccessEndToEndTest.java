package com.livechat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.testsupport.stack.Http;
import com.livechat.testsupport.stack.LivechatService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No door without a lock (issue 15). Every operation the four services publish in their OpenAPI documents is tried
 * without a token and with an agent's token: an operation of an admin API, and every operation of the three inner
 * services (admin APIs and reads of customer data), answers 401 and 403 as problem+json; every other gateway
 * operation answers 401 without a token; only the short list of public operations below is exempt, each with its
 * reason. A new endpoint is therefore checked the day it appears. Then administration through the gateway: a queue
 * created and deleted there, its live chats interrupted as the article describes.
 */
class AdminAccessEndToEndTest {

    /** Operations anyone may call, and why. Everything else needs a token. */
    private static final Map<String, String> PUBLIC = Map.of(
            "GATEWAY POST /api/auth/login", "how a staff member gets a token",
            "GATEWAY POST /api/chats", "a website visitor starts a chat and receives a conversation-scoped token",
            "GATEWAY GET /api/queues/{queueId}/availability",
            "the widget asks whether a queue is open (business hours) before offering a chat or a message form",
            "GATEWAY POST /api/invitations", "a visitor accepts a proactive invitation (the invitation id is the secret)",
            "GATEWAY GET /agent.html", "redirect of an old page address to /agent/",
            "GATEWAY GET /chat.html", "redirect of an old page address to /chat/");

    /** Path parameters that must take a given value for the operation to exist at all. */
    private static final Map<String, String> PARAMETER_VALUES = Map.of("owner", "routing");

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void everyOperationOfEveryServiceIsLockedUnlessListedAsPublic() throws Exception {
        String agentId = Fixtures.agent("Lockpick Agent");
        String agentToken;
        try (AgentSession agent = AgentSession.login(E2eStack.gateway(0), agentId)) {
            agentToken = agent.token();
        }
        long errorsBefore = errorLines();

        List<String> failures = new ArrayList<>();
        Set<String> seenPublic = new TreeSet<>();
        int checked = 0;
        for (LivechatService service : LivechatService.values()) {
            String base = E2eStack.url(service);
            // The OpenAPI document is on the management port where the service has one (the gateway in production).
            String documentBase = "http://localhost:" + E2eStack.get().instance(service, 0).readinessPort();
            JsonNode paths = Http.get(documentBase + "/q/openapi?format=json", null).expect(200).body().path("paths");
            assertTrue(paths.size() > 0, service + " publishes no operation");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next().toUpperCase();
                    if (!Set.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(method)) {
                        continue;
                    }
                    String operation = service.name() + " " + method + " " + path.getKey();
                    if (PUBLIC.containsKey(operation)) {
                        seenPublic.add(operation);
                        continue;
                    }
                    checked++;
                    String url = base + concrete(path.getKey());
                    boolean adminOnly = service != LivechatService.GATEWAY || path.getKey().startsWith("/api/admin");
                    check(failures, operation + " without a token", call(method, url, null), 401);
                    if (adminOnly) {
                        check(failures, operation + " with an agent token", call(method, url, agentToken), 403);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), checked + " operations checked; refused wrongly:\n" + String.join("\n", failures));
        assertEquals(PUBLIC.keySet(), seenPublic, "a public operation of the list no longer exists: update the list");
        assertTrue(checked > 40, "only " + checked + " operations found in the OpenAPI documents");
        assertEquals(errorsBefore, errorLines(), "refusals are not errors: no ERROR line in the services' logs");
    }

    @Test
    void anAdministratorDeletesAQueueThroughTheGatewayAndItsLiveChatsAreInterrupted() throws Exception {
        String admin = Fixtures.adminToken();
        String queue = Fixtures.queue("Short-lived", 30);
        Http.get(Fixtures.adminApi("routing") + "/queues/" + queue, admin).expect(200);
        String agentId = Fixtures.agent("Ines Interrupted", 1, queue);
        try (AgentSession agent = AgentSession.login(E2eStack.gateway(0), agentId).available();
                CustomerSession served = CustomerSession.start(E2eStack.gateway(1), queue, "Sam Served", null, null)) {
            String id = served.conversationId();
            agent.takeChat(id);
            // Only now the second customer: started together, either could reach routing first and take the slot.
            try (CustomerSession waiting = CustomerSession.start(E2eStack.gateway(0), queue, "Wes Waiting", null,
                    null)) {
                interruptsBoth(admin, queue, agent, agentId, served, waiting);
            }
        }
    }

    private static void interruptsBoth(String admin, String queue, AgentSession agent, String agentId,
            CustomerSession served, CustomerSession waiting) throws Exception {
        String id = served.conversationId();
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.waitingIn(queue)
                .contains(waiting.conversationId()));

        JsonNode view = Http.get(Fixtures.adminApi("routing") + "/queues/" + queue, admin).expect(200).body();
        assertEquals(2, view.path("liveChats").asInt(), "what the console's confirmation states: " + view);

        Http.Response deleted = Http.delete(Fixtures.adminApi("routing") + "/queues/" + queue, admin);
        assertEquals(204, deleted.status(), deleted.raw());
        agent.await("interrupted", id, frame -> true);
        agent.await("message", id, frame -> "SYSTEM".equals(frame.path("senderType").asText())
                && frame.path("text").asText().startsWith("This conversation was interrupted"));
        served.await("conversation-ended", frame -> "INTERRUPTED".equals(frame.path("state").asText()));
        waiting.await("conversation-ended", frame -> true);
        assertEquals(409, agent.send(id, "Still there?").status(), "an interrupted chat takes no message");
        assertEquals(404, Http.get(Fixtures.adminApi("routing") + "/queues/" + queue, admin).status());

        agent.end(id).expect(202);
        agent.wrapUp(id, "NO_RESPONSE").expect(202);
        Fixtures.assertClosedWithOneWrapUpEach(id, agentId);
    }

    private static void check(List<String> failures, String what, HttpResponse<String> response, int expected) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != expected || !type.startsWith("application/problem+json")
                || response.body().contains("Exception") || response.body().contains("\tat ")) {
            failures.add(what + ": " + response.statusCode() + " " + type + " " + response.body());
        }
    }

    /** The path with each parameter replaced by a harmless value. */
    private static String concrete(String template) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, PARAMETER_VALUES.getOrDefault(parameter.group(1), "x"));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    private static HttpResponse<String> call(String method, String url, String token) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** ERROR lines in the logs of the stack's services so far. */
    private static long errorLines() throws IOException {
        Path logs = LivechatService.repositoryRoot().resolve("end-to-end-tests/target/e2e-logs");
        long count = 0;
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    count += lines.filter(line -> line.contains(" ERROR ")).count();
                }
            }
        }
        return count;
    }
}
