package com.livechat.routing;

import com.livechat.routing.support.AutoAcceptingDesktops;
import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.RoutingProcesses;
import com.livechat.routing.support.TopicRecorder;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.QueuePositionChanged;
import com.livechat.contracts.events.Topics;
import com.livechat.platform.kafka.RoutingEventDeserializer;
import com.livechat.testsupport.EmbeddedKafka;
import com.livechat.testsupport.stack.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.awaitility.Awaitility.await;

/**
 * The routing benchmark, not a test: {@code ./mvnw -B -pl routing-service verify -Pbenchmark}. One routing-service
 * process from the packaged jar, the real broker (in this JVM) and the real PostgreSQL; prints routing decisions per
 * second and the time from "chat queued" (record sent) to "offer" (ChatOffered read back) with 1,000 chats and 200
 * agents, in two scenarios:
 * <ol>
 *     <li><b>burst</b>: 200 AVAILABLE agents with capacity 5 (1,000 free slots); 1,000 chats are queued at once. Every
 *     chat can be offered at once, so queued-to-offer is routing's own latency under a backlog of 1,000.</li>
 *     <li><b>backlog</b>: 1,000 chats already waiting while 200 agents (capacity 1) are logged out; the agents log
 *     in, accept every offer and end each chat within 100 ms, so every decision works on a queue of up to 1,000.</li>
 *     <li><b>paced</b>: 1,000 chats arriving at 100 per second for 200 AVAILABLE agents (capacity 5), each chat lasting
 *     up to 3 s: routing's latency when it is not behind.</li>
 * </ol>
 * Results are also written to {@code target/benchmark-results.txt}.
 */
class RoutingBenchmark {

    private static final int CHATS = 1000;
    private static final int AGENTS = 200;

    @Test
    void benchmark() throws Exception {
        List<String> report = new ArrayList<>();
        try (RoutingProcesses routing = new RoutingProcesses(EmbeddedKafka.bootstrapServers(), "livechat_routing_bench");
                Inputs inputs = new Inputs(EmbeddedKafka.bootstrapServers());
                TopicRecorder<RoutingEvent> events = new TopicRecorder<>(EmbeddedKafka.bootstrapServers(),
                        Topics.ROUTING_EVENTS, new RoutingEventDeserializer(), RoutingEvent::eventId)) {
            ServiceProcess service = routing.start("routing-benchmark");
            Map<String, Long> offeredAt = new ConcurrentHashMap<>();
            Thread offerClock = watchOffers(events, offeredAt);

            warmUp(service, inputs, events);
            report.add(burst(service, inputs, events, offeredAt));
            report.add(backlog(service, inputs, events, offeredAt));
            report.add(paced(service, inputs, events, offeredAt));
            offerClock.interrupt();
        }
        String text = String.join(System.lineSeparator(), report);
        System.out.println(System.lineSeparator() + "==== Routing benchmark ====" + System.lineSeparator() + text);
        Files.writeString(Path.of("target", "benchmark-results.txt"), text + System.lineSeparator());
    }

    private static String burst(ServiceProcess service, Inputs inputs, TopicRecorder<RoutingEvent> events,
            Map<String, Long> offeredAt) {
        String queue = Inputs.id("burst");
        RoutingProcesses.putQueue(service, queue, 600);
        Set<String> agents = agents(service, queue, 5);
        agents.forEach(agent -> inputs.sendAsync(Inputs.state(agent, AgentState.AVAILABLE)));
        inputs.flush();
        await().atMost(Duration.ofMinutes(2)).until(() -> events.records(RoutingEvent.AgentStateChanged.class,
                e -> agents.contains(e.agentId()) && e.state() == AgentState.AVAILABLE).size() == AGENTS);

        try (AutoAcceptingDesktops desktops = new AutoAcceptingDesktops(events, inputs, agents, 60_000)) {
            long decisionsBefore = RoutingProcesses.decisions(service);
            Map<String, double[]> transactionsBefore = RoutingProcesses.transactions(service);
            Map<String, Long> queuedAt = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            Instant waitingSince = Instant.now();
            for (int i = 0; i < CHATS; i++) {
                String chat = Inputs.id("b" + i);
                queuedAt.put(chat, System.nanoTime());
                inputs.sendAsync(Inputs.queued(chat, queue, waitingSince.plusMillis(i)));
            }
            inputs.flush();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> queuedAt.keySet().stream().allMatch(offeredAt::containsKey));
            long lastOffer = queuedAt.keySet().stream().mapToLong(offeredAt::get).max().orElseThrow();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> assigned(events, queuedAt.keySet()) == CHATS);
            long decisions = RoutingProcesses.decisions(service) - decisionsBefore;
            double seconds = (System.nanoTime() - start) / 1e9;
            double offerSeconds = (lastOffer - start) / 1e9;
            return String.format("""
                    Burst: %d chats queued at once, %d AVAILABLE agents x capacity 5
                      all offered in %.2f s: %.0f chats routed/s
                      routing decisions (enqueue, accept): %d in %.2f s = %.0f decisions/s
                      queued -> offered: %s
                    %s""",
                    CHATS, AGENTS, offerSeconds, CHATS / offerSeconds, decisions, seconds, decisions / seconds,
                    percentiles(queuedAt, offeredAt), transactions(service, transactionsBefore));
        }
    }

    private static String backlog(ServiceProcess service, Inputs inputs, TopicRecorder<RoutingEvent> events,
            Map<String, Long> offeredAt) {
        String queue = Inputs.id("backlog");
        RoutingProcesses.putQueue(service, queue, 600);
        Set<String> agents = agents(service, queue, 1);
        Map<String, Long> queuedAt = new ConcurrentHashMap<>();
        Instant waitingSince = Instant.now();
        long fillStart = System.nanoTime();
        List<String> chats = new ArrayList<>();
        long decisionsBeforeFill = RoutingProcesses.decisions(service);
        for (int i = 0; i < CHATS; i++) {
            String chat = Inputs.id("w" + i);
            chats.add(chat);
            queuedAt.put(chat, System.nanoTime());
            inputs.sendAsync(Inputs.queued(chat, queue, waitingSince.plusMillis(i)));
        }
        inputs.flush();
        String last = chats.get(CHATS - 1);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> !events.records(
                QueuePositionChanged.class, e -> e.conversationId().equals(last) && e.position() == CHATS).isEmpty());
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        long fillDecisions = RoutingProcesses.decisions(service) - decisionsBeforeFill;

        try (AutoAcceptingDesktops desktops = new AutoAcceptingDesktops(events, inputs, agents, 100)) {
            long decisionsBefore = RoutingProcesses.decisions(service);
            Map<String, double[]> transactionsBefore = RoutingProcesses.transactions(service);
            long start = System.nanoTime();
            agents.forEach(agent -> inputs.sendAsync(Inputs.state(agent, AgentState.AVAILABLE)));
            inputs.flush();
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> assigned(events, queuedAt.keySet()) == CHATS);
            double seconds = (System.nanoTime() - start) / 1e9;
            long decisions = RoutingProcesses.decisions(service) - decisionsBefore;
            return String.format("""
                    Backlog: %d chats waiting (positions published up to %d in %.2f s, %d enqueue decisions = %.0f/s),
                             then %d agents x capacity 1 log in; each chat ends within 100 ms of being assigned
                      all %d chats routed and accepted in %.2f s
                      routing decisions (state change, accept, release + offer): %d in %.2f s = %.0f decisions/s
                      queued -> offered (includes waiting for a free agent): %s
                    %s""",
                    CHATS, CHATS, fillSeconds, fillDecisions, fillDecisions / fillSeconds, AGENTS, CHATS, seconds,
                    decisions, seconds, decisions / seconds, percentiles(queuedAt, offeredAt),
                    transactions(service, transactionsBefore));
        }
    }

    private static String paced(ServiceProcess service, Inputs inputs, TopicRecorder<RoutingEvent> events,
            Map<String, Long> offeredAt) throws InterruptedException {
        String queue = Inputs.id("paced");
        RoutingProcesses.putQueue(service, queue, 600);
        Set<String> agents = agents(service, queue, 5);
        agents.forEach(agent -> inputs.sendAsync(Inputs.state(agent, AgentState.AVAILABLE)));
        inputs.flush();
        await().atMost(Duration.ofMinutes(2)).until(() -> events.records(RoutingEvent.AgentStateChanged.class,
                e -> agents.contains(e.agentId()) && e.state() == AgentState.AVAILABLE).size() == AGENTS);
        try (AutoAcceptingDesktops desktops = new AutoAcceptingDesktops(events, inputs, agents, 3000)) {
            long decisionsBefore = RoutingProcesses.decisions(service);
            Map<String, double[]> transactionsBefore = RoutingProcesses.transactions(service);
            Map<String, Long> queuedAt = new ConcurrentHashMap<>();
            long start = System.nanoTime();
            for (int i = 0; i < CHATS; i++) {
                long due = start + i * 10_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                String chat = Inputs.id("p" + i);
                queuedAt.put(chat, System.nanoTime());
                inputs.sendAsync(Inputs.queued(chat, queue, Instant.now()));
            }
            inputs.flush();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> assigned(events, queuedAt.keySet()) == CHATS);
            double seconds = (System.nanoTime() - start) / 1e9;
            long decisions = RoutingProcesses.decisions(service) - decisionsBefore;
            return String.format("""
                    Paced: %d chats at 100/s, %d AVAILABLE agents x capacity 5, each chat lasting up to 3 s
                      routing decisions (enqueue, accept, release): %d in %.2f s = %.0f decisions/s
                      queued -> offered: %s
                    %s""",
                    CHATS, AGENTS, decisions, seconds, decisions / seconds, percentiles(queuedAt, offeredAt),
                    transactions(service, transactionsBefore));
        }
    }

    /** A first round so the JIT and the connection pools are warm before anything is measured. */
    private static void warmUp(ServiceProcess service, Inputs inputs, TopicRecorder<RoutingEvent> events) {
        String queue = Inputs.id("warmup");
        RoutingProcesses.putQueue(service, queue, 600);
        Set<String> agents = new LinkedHashSet<>();
        for (int i = 0; i < 20; i++) {
            String agent = Inputs.id("warm" + i);
            RoutingProcesses.putAgent(service, agent, 5, queue);
            agents.add(agent);
            inputs.sendAsync(Inputs.state(agent, AgentState.AVAILABLE));
        }
        Set<String> chats = new LinkedHashSet<>();
        try (AutoAcceptingDesktops desktops = new AutoAcceptingDesktops(events, inputs, agents, 10)) {
            for (int i = 0; i < 300; i++) {
                String chat = Inputs.id("warm");
                chats.add(chat);
                inputs.sendAsync(Inputs.queued(chat, queue, Instant.now()));
            }
            inputs.flush();
            await().atMost(Duration.ofMinutes(5)).until(() -> assigned(events, chats) == chats.size());
        }
        agents.forEach(agent -> inputs.sendAsync(Inputs.state(agent, AgentState.LOGGED_OUT)));
        inputs.flush();
    }

    /** The service's transactions since {@code before}, per kind: how many, and their mean duration. */
    private static String transactions(ServiceProcess service, Map<String, double[]> before) {
        StringBuilder text = new StringBuilder("  transactions (service side):");
        RoutingProcesses.transactions(service).forEach((kind, now) -> {
            double[] then = before.getOrDefault(kind, new double[2]);
            double count = now[0] - then[0];
            if (count > 0) {
                text.append(String.format("%n    %-20s %5.0f, mean %.1f ms", kind, count, (now[1] - then[1]) * 1000 / count));
            }
        });
        return text.toString();
    }

    private static Set<String> agents(ServiceProcess service, String queue, int capacity) {
        Set<String> agents = new LinkedHashSet<>();
        for (int i = 0; i < AGENTS; i++) {
            String agent = Inputs.id("agent" + i);
            RoutingProcesses.putAgent(service, agent, capacity, queue);
            agents.add(agent);
        }
        return agents;
    }

    /** Notes when each ChatOffered is read back (first offer of each chat). */
    private static Thread watchOffers(TopicRecorder<RoutingEvent> events, Map<String, Long> offeredAt) {
        Thread thread = new Thread(() -> {
            int next = 0;
            while (!Thread.currentThread().isInterrupted()) {
                while (next < events.size()) {
                    if (events.get(next++) instanceof ChatOffered offer) {
                        offeredAt.putIfAbsent(offer.conversationId(), System.nanoTime());
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "offer-clock");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static long assigned(TopicRecorder<RoutingEvent> events, Set<String> chats) {
        return events.records(ChatAssigned.class, e -> chats.contains(e.conversationId())).stream()
                .map(ChatAssigned::conversationId).distinct().count();
    }

    private static String percentiles(Map<String, Long> queuedAt, Map<String, Long> offeredAt) {
        List<Double> millis = queuedAt.entrySet().stream()
                .map(entry -> (offeredAt.get(entry.getKey()) - entry.getValue()) / 1e6)
                .sorted()
                .toList();
        return String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d chats)", at(millis, 0.50), at(millis, 0.99),
                millis.get(millis.size() - 1), millis.size());
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }
}
