package com.livechat.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.e2e.support.AgentSession;
import com.livechat.e2e.support.CustomerSession;
import com.livechat.e2e.support.E2eStack;
import com.livechat.e2e.support.Fixtures;
import com.livechat.e2e.support.SocketClient;
import com.livechat.testsupport.stack.Http;
import com.livechat.testsupport.stack.LivechatService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The supervisor console's figures on the real stack (issue 15): a waiting chat appears in the counts and leaves
 * them when answered, an agent who let an offer time out is shown in RONA with their RONA count, and the figures
 * are the same after the gateway (their owner) restarts.
 */
class SupervisorEndToEndTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @Test
    void waitingChatRonaAndFiguresAfterARestart() {
        String queue = Fixtures.queue("Supervised", 5);
        String agentId = Fixtures.agent("Rita Rona", queue);
        String supervisorId = Fixtures.supervisor("Sam Supervisor");
        String token = Fixtures.login(E2eStack.gateway(1), supervisorId);
        try (SocketClient console = SocketClient.connect(E2eStack.gateway(1).replace("http://", "ws://")
                        + "/ws/supervisor", token);
                CustomerSession customer = CustomerSession.start(E2eStack.gateway(0), queue, "Wendy Waiting",
                        "wendy@example.com", null)) {
            console.await("overview", AgentSession.WAIT);
            String id = customer.conversationId();

            // Waiting: the chat appears, with nobody to take it.
            JsonNode waiting = console.await("overview", frame -> queue(frame, queue).path("waiting").asInt() == 1
                    && frame.path("waiting").toString().contains(id), AgentSession.WAIT);
            assertEquals(1, queue(waiting, queue).path("offered").asInt());

            // The agent lets the offer time out: RONA, counted, and the chat waits again.
            try (AgentSession rita = AgentSession.login(E2eStack.gateway(0), agentId).available()) {
                JsonNode first = rita.awaitOffer(id);
                rita.await("offer-withdrawn", id, frame -> "RONA_TIMEOUT".equals(frame.path("reason").asText()));
                console.await("overview", frame -> "RONA".equals(agent(frame, agentId).path("state").asText())
                        && agent(frame, agentId).path("ronaToday").asInt() == 1, AgentSession.WAIT);

                // Available again: offered again, accepted this time; the chat leaves the waiting count.
                int from = rita.socket().size();
                rita.available();
                rita.acceptAndJoin(rita.socket().awaitFrom(from, "offer", frame -> id.equals(
                        frame.path("conversationId").asText()) && !first.path("offerId").equals(frame.path("offerId")),
                        AgentSession.WAIT));
                JsonNode answered = console.await("overview", frame -> queue(frame, queue).path("answered").asInt() == 1
                        && queue(frame, queue).path("waiting").asInt() == 0, AgentSession.WAIT);
                assertTrue(!answered.path("waiting").toString().contains(id), "no longer in the waiting list");
            }

            JsonNode before = overview(E2eStack.gateway(0), token);
            E2eStack.restart(LivechatService.GATEWAY, Map.of());
            String fresh = Fixtures.login(E2eStack.gateway(0), supervisorId);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode after = overview(E2eStack.gateway(0), fresh);
                for (String field : new String[] {"waiting", "offered", "answered", "abandoned", "transferred",
                        "answeredWithinThreshold"}) {
                    assertEquals(queue(before, queue).path(field), queue(after, queue).path(field), field);
                }
                assertEquals(1, agent(after, agentId).path("ronaToday").asInt());
            });
        }
    }

    static JsonNode overview(String gateway, String token) {
        return Http.get(gateway + "/api/supervisor/overview", token).expect(200).body();
    }

    static JsonNode queue(JsonNode overview, String queueId) {
        for (JsonNode queue : overview.path("queues")) {
            if (queueId.equals(queue.path("queueId").asText())) {
                return queue;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static JsonNode agent(JsonNode overview, String agentId) {
        for (JsonNode agent : overview.path("agents")) {
            if (agentId.equals(agent.path("agentId").asText())) {
                return agent;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
