package com.livechat.routing;

import com.livechat.routing.support.AutoAcceptingDesktops;
import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.RoutingAudit;
import com.livechat.routing.support.RoutingTestBase;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 chats and 20 agents arriving, accepting and finishing chats in parallel: zero double offers, zero
 * over-capacity, every chat assigned exactly once, checked from the events and from the database.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_routing_test"))
class ConcurrencyTest extends RoutingTestBase {

    private static final int CHATS = 200;
    private static final int AGENTS = 20;
    private static final int CAPACITY = 3;

    @Inject
    AgroalDataSource database;

    @Test
    void parallelChatsAndAgentsAreRoutedWithoutDoubleOffersOrOverCapacity() throws Exception {
        String queue = Inputs.id("busy");
        putQueue(queue, 120);
        Set<String> agents = new LinkedHashSet<>();
        Map<String, Integer> capacities = new HashMap<>();
        for (int i = 0; i < AGENTS; i++) {
            String agent = Inputs.id("agent" + i);
            putAgent(agent, CAPACITY, queue);
            agents.add(agent);
            capacities.put(agent, CAPACITY);
        }
        Set<String> chats = new LinkedHashSet<>();
        for (int i = 0; i < CHATS; i++) {
            chats.add(Inputs.id("chat" + i));
        }

        // Chats and agents arrive together, from several threads; agents accept and finish chats as they come.
        List<Runnable> arrivals = new ArrayList<>();
        Instant start = Instant.now();
        int n = 0;
        for (String chat : chats) {
            Instant waitingSince = start.plusMillis(n++);
            arrivals.add(() -> inputs().sendAsync(Inputs.queued(chat, queue, waitingSince)));
        }
        agents.forEach(agent -> arrivals.add(() -> inputs().sendAsync(Inputs.state(agent, AgentState.AVAILABLE))));
        Collections.shuffle(arrivals);
        try (AutoAcceptingDesktops desktops = new AutoAcceptingDesktops(recorder().topic(), inputs(), agents, 50)) {
            ExecutorService senders = Executors.newFixedThreadPool(8);
            arrivals.forEach(senders::execute);
            senders.shutdown();
            assertTrue(senders.awaitTermination(1, TimeUnit.MINUTES));
            inputs().flush();

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> recorder()
                    .events(ChatAssigned.class, e -> chats.contains(e.conversationId())).stream()
                    .map(ChatAssigned::conversationId).distinct().count() == CHATS);
        }

        RoutingAudit.checkEvents(recorder().topic().all(), chats, capacities);
        try (Connection connection = database.getConnection()) {
            RoutingAudit.checkDatabase(connection, chats, agents);
        }
    }
}
