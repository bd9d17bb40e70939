package com.livechat.routing;

import com.livechat.routing.support.AutoAcceptingDesktops;
import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.Pause;
import com.livechat.routing.support.RoutingAudit;
import com.livechat.routing.support.RoutingProcesses;
import com.livechat.routing.support.TopicRecorder;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.Topics;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.platform.kafka.RoutingEventDeserializer;
import com.livechat.testsupport.EmbeddedKafka;
import com.livechat.testsupport.stack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routing-service as real processes from its fast-jar, on one database and one broker: two instances share the work
 * and one is killed (SIGKILL) mid-run; then every instance is killed while an offer is pending and a fresh one
 * carries on. Runs in {@code verify}, after {@code package}.
 */
class TwoInstancesIT {

    private static final Duration WAIT = Duration.ofMinutes(4);

    private static Inputs inputs;
    private static TopicRecorder<RoutingEvent> events;

    @BeforeAll
    static void broker() {
        inputs = new Inputs(EmbeddedKafka.bootstrapServers());
        events = new TopicRecorder<>(EmbeddedKafka.bootstrapServers(), Topics.ROUTING_EVENTS,
                new RoutingEventDeserializer(), RoutingEvent::eventId);
    }

    @AfterAll
    static void closeClients() {
        events.close();
        inputs.close();
    }

    @Test
    void everyChatIsAssignedExactlyOnceWhenOneOfTwoInstancesIsKilledMidRun() throws Exception {
        int chatCount = 200;
        int agentCount = 20;
        int capacity = 3;
        try (RoutingProcesses routing = new RoutingProcesses(EmbeddedKafka.bootstrapServers(), "livechat_routing_it")) {
            ServiceProcess first = routing.start("routing-a");
            ServiceProcess second = routing.start("routing-b");

            String queue = Inputs.id("q");
            RoutingProcesses.putQueue(first, queue, 120);
            Set<String> agents = new LinkedHashSet<>();
            Map<String, Integer> capacities = new HashMap<>();
            for (int i = 0; i < agentCount; i++) {
                String agent = Inputs.id("agent" + i);
                RoutingProcesses.putAgent(i % 2 == 0 ? first : second, agent, capacity, queue);
                agents.add(agent);
                capacities.put(agent, capacity);
            }
            Set<String> chats = new LinkedHashSet<>();
            List<Runnable> arrivals = new ArrayList<>();
            Instant start = Instant.now();
            for (int i = 0; i < chatCount; i++) {
                String chat = Inputs.id("chat" + i);
                chats.add(chat);
                Instant waitingSince = start.plusMillis(i);
                arrivals.add(() -> inputs.sendAsync(Inputs.queued(chat, queue, waitingSince)));
            }
            agents.forEach(agent -> arrivals.add(() -> inputs.sendAsync(Inputs.state(agent, AgentState.AVAILABLE))));
            Collections.shuffle(arrivals);

            try (AutoAcceptingDesktops desktops = new AutoAcceptingDesktops(events, inputs, agents, 2000)) {
                ExecutorService senders = Executors.newFixedThreadPool(8);
                arrivals.forEach(senders::execute);
                senders.shutdown();
                assertTrue(senders.awaitTermination(1, TimeUnit.MINUTES));
                inputs.flush();

                await().atMost(WAIT).until(() -> assigned(chats) >= chatCount / 3);
                long secondDecisions = RoutingProcesses.decisions(second);
                assertTrue(secondDecisions > 0, "both instances take decisions");
                assertTrue(RoutingProcesses.decisions(first) > 0, "both instances take decisions");
                second.kill();
                assertTrue(assigned(chats) < chatCount, "killed mid-run");

                await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> assigned(chats) == chatCount);
            }
            RoutingAudit.checkEvents(events.all(), chats, capacities);
            try (Connection connection = DriverManager.getConnection(routing.jdbcUrl(),
                    routing.postgres().adminUser(), routing.postgres().adminPassword())) {
                RoutingAudit.checkDatabase(connection, chats, agents);
            }
        }
    }

    @Test
    void aPendingOfferSurvivesTheDeathOfEveryInstanceAndExpiresOnTimeAfterARestart() {
        try (RoutingProcesses routing = new RoutingProcesses(EmbeddedKafka.bootstrapServers(), "livechat_routing_it2")) {
            ServiceProcess before = routing.start("routing-before-crash");
            String queue = Inputs.id("q");
            String first = Inputs.id("first");
            String second = Inputs.id("second");
            Duration ronaTimeout = Duration.ofSeconds(30);
            RoutingProcesses.putQueue(before, queue, (int) ronaTimeout.toSeconds());
            RoutingProcesses.putAgent(before, first, 1, queue);
            RoutingProcesses.putAgent(before, second, 1, queue);
            inputs.send(Inputs.state(first, AgentState.AVAILABLE));
            await().atMost(WAIT).until(() -> !events.records(AgentStateChanged.class,
                    e -> e.agentId().equals(first) && e.state() == AgentState.AVAILABLE).isEmpty());
            inputs.send(Inputs.state(second, AgentState.AVAILABLE));
            await().atMost(WAIT).until(() -> !events.records(AgentStateChanged.class,
                    e -> e.agentId().equals(second) && e.state() == AgentState.AVAILABLE).isEmpty());
            String chat = Inputs.id("c");
            inputs.send(Inputs.queued(chat, queue, Instant.parse("2026-01-01T10:00:00Z")));
            ChatOffered offer = await().atMost(WAIT).until(() -> events.records(ChatOffered.class,
                    e -> e.conversationId().equals(chat)), list -> !list.isEmpty()).get(0);
            assertEquals(first, offer.agentId());

            before.kill();
            // Down for a while, so that a timeout started afresh by the new process would end well after the
            // original deadline.
            Pause.until(offer.occurredAt().plusSeconds(10));
            Instant restartedAt = Instant.now();
            ServiceProcess after = routing.start("routing-after-crash");
            assertTrue(Instant.now().isBefore(offer.expiresAt()), "restarted before the deadline");
            OfferWithdrawn withdrawn = await().atMost(WAIT).until(() -> events.records(OfferWithdrawn.class,
                    e -> e.offerId().equals(offer.offerId())), list -> !list.isEmpty()).get(0);
            assertEquals(WithdrawReason.RONA_TIMEOUT, withdrawn.reason());
            assertFalse(withdrawn.occurredAt().isBefore(offer.expiresAt()), "not before its deadline");
            // A fresh timeout could not fire before the new process was even launched plus the RONA timeout.
            assertTrue(withdrawn.occurredAt().isBefore(restartedAt.plus(ronaTimeout)),
                    "the restarted instance kept the original deadline " + offer.expiresAt() + ": withdrawn at "
                            + withdrawn.occurredAt() + ", launched at " + restartedAt);
            ChatOffered reoffered = await().atMost(WAIT).until(() -> events.records(ChatOffered.class,
                    e -> e.conversationId().equals(chat)), list -> list.size() == 2).get(1);
            assertEquals(second, reoffered.agentId());

            inputs.send(Inputs.accept(second, reoffered.offerId(), chat));
            await().atMost(WAIT).until(() -> !events.records(ChatAssigned.class,
                    e -> e.conversationId().equals(chat)).isEmpty());
            assertTrue(after.isAlive());
        }
    }

    private static long assigned(Set<String> chats) {
        return events.records(ChatAssigned.class, e -> chats.contains(e.conversationId())).stream()
                .map(ChatAssigned::conversationId).distinct().count();
    }
}
