package com.livechat.testsupport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.testsupport.launch.Launcher;
import com.livechat.testsupport.launch.Waiting;
import com.livechat.testsupport.stack.DemoData;
import com.livechat.testsupport.stack.Http;
import com.livechat.testsupport.stack.LivechatService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code ./livechat bench}: the load generator. Agents over real WebSockets go AVAILABLE and accept every offer;
 * a burst of customers start chats; then messages flow both ways at paced rates, rising until a rate fails
 * (p99 ≥ 250 ms, a message lost or shown twice); every chat is ended and wrapped up. Prints progress and a table,
 * writes a JSON report and a latency plot. Works against the local stack or any deployment (see --help).
 */
public final class LoadBench {

    static final double P99_LIMIT_MS = 250;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(20);
    /** Agents who free a slot per second in the freed-capacity phase: apart enough for each offer to be told apart. */
    private static final int FREES_PER_SECOND = 5;

    private final BenchOptions options;
    private final String runId = Launcher.runId();
    private final String queueId = "bench-" + runId;
    private final ExecutorService http = Executors.newFixedThreadPool(16, Waiting.daemons("bench-http"));
    /** Set-up calls (bcrypt on every account and login) a few at a time: 16 at once only make each one time out. */
    private final ExecutorService setUpPool = Executors.newFixedThreadPool(4, Waiting.daemons("bench-setup"));
    /** Accepts run apart from the burst's chat starts, as agents' desktops do, so they never queue behind them. */
    private final ExecutorService accepts = Executors.newFixedThreadPool(8, Waiting.daemons("bench-accept"));
    private final ExecutorService senders = Executors.newFixedThreadPool(4, Waiting.daemons("bench-send"));
    private final List<Agent> agents = new ArrayList<>();
    private final Map<String, Chat> chats = new ConcurrentHashMap<>();
    private final Map<String, Long> offeredAt = new ConcurrentHashMap<>();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final AtomicLong refs = new AtomicLong();
    private final AtomicInteger availableAgents = new AtomicInteger();
    private final Map<String, Agent> joinedBy = new ConcurrentHashMap<>();
    private final AtomicInteger acceptFailures = new AtomicInteger();
    private final AtomicInteger frameErrors = new AtomicInteger();
    private final Map<String, Object> report = new LinkedHashMap<>();
    private volatile Supplier<String> progress = () -> "";
    private ProcessUsage usage;
    private HopTaps taps;

    /** One agent: a login, a socket, the chats it joined. */
    private final class Agent {
        final String id;
        String token;
        BenchSocket socket;
        /** When this agent freed a slot with chats waiting (System.nanoTime), 0 when not waiting for an offer. */
        volatile long freedAt;
        volatile Latencies freedToOffer;

        Agent(String id) {
            this.id = id;
        }

        void onFrame(JsonNode frame) {
            long now = System.nanoTime();
            switch (frame.path("type").asText()) {
                case "agent-state" -> {
                    if ("AVAILABLE".equals(frame.path("state").asText())
                            && !"AVAILABLE".equals(frame.path("previousState").asText())) {
                        availableAgents.incrementAndGet();
                    }
                }
                case "offer" -> {
                    long freed = freedAt;
                    if (freed != 0) {
                        freedToOffer.add(now - freed);
                        freedAt = 0;
                    }
                    String conversationId = frame.path("conversationId").asText();
                    if (offeredAt.putIfAbsent(conversationId, now) == null) {
                        String offerId = frame.path("offerId").asText();
                        accepts.submit(() -> {
                            int status = Http.post(options.gateway() + "/api/agent/offers/" + offerId + "/accept",
                                    token, null).status();
                            if (status != 202) {
                                acceptFailures.incrementAndGet();
                            }
                        });
                    }
                }
                case "participant" -> {
                    if ("joined".equals(frame.path("change").asText()) && id.equals(frame.path("agentId").asText())) {
                        joinedBy.putIfAbsent(frame.path("conversationId").asText(), this);
                    }
                }
                case "message" -> {
                    if ("CUSTOMER".equals(frame.path("senderType").asText())) {
                        received(frame.path("text").asText(), now);
                    }
                }
                case "error" -> refused(frame);
                default -> { }
            }
        }
    }

    /** One chat: the customer's token and socket, and the agent who took it. */
    private final class Chat {
        final String conversationId;
        final String token;
        final long startedAt;
        /** The start as epoch milliseconds, to compare with the topics' record timestamps ({@link HopTaps}). */
        final long startedMillis;
        BenchSocket socket;
        /** Ended by its agent before the end of the run (freed capacity). */
        volatile boolean ended;

        Chat(String conversationId, String token, long startedAt, long startedMillis) {
            this.conversationId = conversationId;
            this.token = token;
            this.startedAt = startedAt;
            this.startedMillis = startedMillis;
        }

        Agent agent() {
            return joinedBy.get(conversationId);
        }

        void onFrame(JsonNode frame) {
            long now = System.nanoTime();
            switch (frame.path("type").asText()) {
                case "message" -> {
                    if ("AGENT".equals(frame.path("senderType").asText())) {
                        received(frame.path("text").asText(), now);
                    }
                }
                case "error" -> refused(frame);
                default -> { }
            }
        }
    }

    /** A message sent in one step and one direction, and what became of it. */
    private static final class Sent {
        final String ref;
        final Step step;
        final boolean fromCustomer;
        final long nanos = System.nanoTime();
        final long millis = System.currentTimeMillis();
        final AtomicInteger seen = new AtomicInteger();
        volatile boolean refused;
        volatile long receivedMillis;

        Sent(String ref, Step step, boolean fromCustomer) {
            this.ref = ref;
            this.step = step;
            this.fromCustomer = fromCustomer;
        }
    }

    /** One paced rate and what was measured at it. */
    private static final class Step {
        final int rate;
        final Latencies customerToAgent = new Latencies();
        final Latencies agentToCustomer = new Latencies();
        final AtomicInteger duplicated = new AtomicInteger();
        final AtomicInteger sentCount = new AtomicInteger();

        Step(int rate) {
            this.rate = rate;
        }
    }

    private LoadBench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Launcher.main(args, BenchOptions.USAGE, BenchOptions::parse, options -> {
            new LoadBench(options).run();
            return true;
        });
    }

    private void run() throws Exception {
        Instant begin = Instant.now();
        usage = new ProcessUsage(LivechatService.repositoryRoot().resolve(".livechat/run"), options.postgresPort());
        ProcessUsage.Snapshot runStart = usage.snapshot();
        Thread ticker = new Thread(this::tick, "bench-progress");
        ticker.setDaemon(true);
        ticker.start();
        report.put("generatedAt", begin.toString());
        report.put("machine", BenchReport.machine());
        report.put("settings", settings());
        System.out.printf("Load bench %s against %s: %d agents x %d, burst %d, rates %s msg/s, %d s each%n", runId,
                options.gateway(), options.agents(), options.capacity(), options.burst(), options.rates(),
                options.stepSeconds());
        try {
            setUp();
            burst();
            messages();
            freedCapacity();
            endAndWrapUp();
        } finally {
            progress = () -> "";
            if (taps != null) {
                taps.close();
            }
            for (Agent agent : agents) {
                if (agent.socket != null) {
                    agent.socket.close();
                }
            }
            chats.values().forEach(chat -> {
                if (chat.socket != null) {
                    chat.socket.close();
                }
            });
            http.shutdownNow();
            setUpPool.shutdownNow();
            accepts.shutdownNow();
            senders.shutdownNow();
        }
        report.put("durationSeconds", Duration.between(begin, Instant.now()).toSeconds());
        report.put("processes", usage.between(runStart, usage.snapshot()));
        BenchReport.write(report, options.report());
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("gateway", options.gateway());
        settings.put("agents", options.agents());
        settings.put("capacity", options.capacity());
        settings.put("burst", options.burst());
        settings.put("rates", options.rates());
        settings.put("stepSeconds", options.stepSeconds());
        settings.put("waiting", options.waiting());
        settings.put("freeSamples", options.freeSamples());
        settings.put("p99LimitMs", P99_LIMIT_MS);
        settings.put("queueId", queueId);
        return settings;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Set-up: a queue of its own, agents with accounts, logged in and AVAILABLE

    private void setUp() throws Exception {
        phase("set-up", () -> availableAgents.get() + "/" + options.agents() + " agents available");
        String admin = DemoData.login(options.gateway(), "admin", options.adminPassword());
        BenchAdmin.createQueue(options.gateway(), admin, queueId, "Bench " + runId);
        for (int i = 1; i <= options.agents(); i++) {
            agents.add(new Agent(String.format("b%s-%03d", runId, i)));
        }
        setUpAll(agents, agent -> BenchAdmin.createAgent(options.gateway(), admin, agent.id, queueId,
                options.capacity()));
        awaitTrue("the gateway to know queue " + queueId,
                () -> BenchAdmin.gatewayKnowsQueue(options.gateway(), admin, queueId));
        String ws = options.gateway().replaceFirst("^http", "ws");
        setUpAll(agents, agent -> {
            agent.token = DemoData.login(options.gateway(), agent.id, DemoData.AGENT_PASSWORD);
            agent.socket = BenchSocket.open(ws + "/ws/agent", agent.token, agent::onFrame);
            agent.socket.send(Map.of("type", "ping"));
        });
        setUpAll(agents, agent -> Http.put(options.gateway() + "/api/agent/state", agent.token,
                Map.of("state", "AVAILABLE")).expect(202, 200, 204));
        awaitTrue("every agent to be AVAILABLE", () -> availableAgents.get() >= options.agents());
        if (options.kafka() != null) {
            taps = new HopTaps(options.kafka());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Burst: every chat started at once; start → offer per chat, and when the last one was offered

    private void burst() throws Exception {
        ProcessUsage.Snapshot before = usage.snapshot();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger refusedStarts = new AtomicInteger();
        phase("burst", () -> started.get() + "/" + options.burst() + " started, " + offeredAt.size() + " offered, "
                + joinedBy.size() + " joined");
        long first = System.nanoTime();
        List<Future<?>> starts = new ArrayList<>();
        for (int i = 0; i < options.burst(); i++) {
            int n = i;
            starts.add(http.submit(() -> {
                if (startChat(n, refusedStarts) != null) {
                    started.incrementAndGet();
                }
            }));
        }
        for (Future<?> start : starts) {
            start.get();
        }
        boolean allOffered = awaitQuietly(() -> chats.keySet().stream().allMatch(offeredAt::containsKey), WAIT);
        Latencies startToOffer = new Latencies();
        long last = 0;
        for (Chat chat : chats.values()) {
            Long offered = offeredAt.get(chat.conversationId);
            if (offered != null) {
                startToOffer.add(offered - chat.startedAt);
                last = Math.max(last, offered);
            }
        }
        Double allOfferedSeconds = allOffered ? Latencies.round((last - first) / 1e9) : null;
        awaitQuietly(() -> joinedBy.size() >= chats.size(), WAIT);
        Map<String, Object> burst = new LinkedHashMap<>();
        burst.put("chats", options.burst());
        burst.put("started", chats.size());
        burst.put("startRefused", refusedStarts.get());
        burst.put("offered", (int) chats.keySet().stream().filter(offeredAt::containsKey).count());
        burst.put("joined", joinedBy.size());
        burst.put("acceptFailures", acceptFailures.get());
        burst.put("allOfferedSeconds", allOfferedSeconds);
        burst.put("processes", usage.between(before, usage.snapshot()));
        report.put("chatStartToOfferMs", startToOffer.summary());
        if (taps != null) {
            report.put("chatStartToOfferHopsMs", offerHops());
        }
        report.put("burst1000AllOfferedSeconds", options.burst() == 1000 ? allOfferedSeconds : null);
        report.put("burst", burst);
        System.out.printf("%nBurst of %d chats: %d offered, all within %s s; start -> offer %s; %d joined%n",
                options.burst(), burst.get("offered"), allOfferedSeconds, BenchReport.brief(startToOffer.summary()),
                joinedBy.size());

        phase("customer sockets", () -> "");
        String ws = options.gateway().replaceFirst("^http", "ws");
        all(new ArrayList<>(chats.values()), chat -> {
            chat.socket = BenchSocket.open(ws + "/ws/customer/" + chat.conversationId, chat.token, chat::onFrame);
            chat.socket.send(Map.of("type", "ping"));
        });
    }

    /** Starts chat number {@code n} as a customer would; null (and counted in {@code refused}) when refused. */
    private Chat startChat(int n, AtomicInteger refused) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "Bench customer " + n);
        customer.put("email", "customer" + n + "@example.com");
        customer.put("phone", "+33 6 12 34 56 " + String.format("%02d", n % 100));
        long at = System.nanoTime();
        long atMillis = System.currentTimeMillis();
        Http.Response response = Http.post(options.gateway() + "/api/chats", null, Map.of("queueId", queueId,
                "customer", customer, "attributes", Map.of("orderNumber", "A-" + n)));
        if (response.status() == 201) {
            String id = response.body().get("conversationId").asText();
            Chat chat = new Chat(id, response.body().get("token").asText(), at, atMillis);
            chats.put(id, chat);
            return chat;
        }
        if (response.status() == 429 && refused.get() == 0) {
            System.out.println("The gateway refuses chats beyond its per-address limit (429): start the stack "
                    + "for a load run with LIVECHAT_CHATS_PER_ADDRESS=0 LIVECHAT_CHATS_PER_SITE=0 "
                    + "./livechat up -d (README, \"Load test\").");
        }
        refused.incrementAndGet();
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Freed capacity: with N chats waiting and every agent full, an agent ends a chat → the next offer on their socket

    /**
     * Fills every agent's free slots, then starts {@code --waiting} more chats, which wait: no agent has room. Then
     * agents end one chat each, a few a second, one agent at a time having room: the participation goes to wrap-up,
     * which frees a slot, and routing offers that agent the head of the queue. Measures, per agent, from sending the
     * end to the next offer arriving on the agent's socket (the whole path: gateway, masking, conversation, routing,
     * gateway push).
     */
    private void freedCapacity() throws Exception {
        int waiting = options.waiting();
        if (waiting <= 0) {
            return;
        }
        ProcessUsage.Snapshot before = usage.snapshot();
        int slots = options.agents() * options.capacity();
        int toStart = Math.max(0, slots - joinedBy.size()) + waiting;
        AtomicInteger started = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        phase("freed capacity: queueing", () -> started.get() + "/" + toStart + " started, " + joinedBy.size() + "/"
                + slots + " slots taken");
        int offset = chats.size();
        List<Future<?>> starts = new ArrayList<>();
        for (int i = 0; i < toStart; i++) {
            int n = offset + i;
            starts.add(http.submit(() -> {
                if (startChat(n, refused) != null) {
                    started.incrementAndGet();
                }
            }));
        }
        for (Future<?> start : starts) {
            start.get();
        }
        // Every slot taken; the rest wait. Then a moment for the queue to settle (positions, notices).
        boolean full = awaitQuietly(() -> joinedBy.size() >= slots, WAIT);
        awaitQuietly(() -> false, Duration.ofSeconds(3));
        List<Agent> sample = agents.subList(0, Math.min(agents.size(), options.freeSamples()));
        Latencies freedToOffer = new Latencies();
        phase("freed capacity: ending", () -> freedToOffer.count() + "/" + sample.size() + " freed slots offered");
        long interval = 1_000_000_000L / FREES_PER_SECOND;
        long begin = System.nanoTime();
        for (int i = 0; i < sample.size(); i++) {
            Agent agent = sample.get(i);
            Chat chat = chats.values().stream().filter(c -> c.agent() == agent && !c.ended).findFirst().orElse(null);
            if (chat == null) {
                continue;
            }
            long wait = begin + i * interval - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            chat.ended = true;
            agent.freedToOffer = freedToOffer;
            agent.freedAt = System.nanoTime();
            int status = Http.post(options.gateway() + "/api/conversations/" + chat.conversationId + "/end",
                    agent.token, null).status();
            if (status != 202) {
                agent.freedAt = 0;
            }
        }
        awaitQuietly(() -> sample.stream().allMatch(agent -> agent.freedAt == 0), Duration.ofSeconds(30));
        Map<String, Object> freed = new LinkedHashMap<>(freedToOffer.summary());
        freed.put("waiting", waiting);
        freed.put("allSlotsTaken", full);
        freed.put("unanswered", sample.stream().filter(agent -> agent.freedAt != 0).count());
        freed.put("processes", usage.between(before, usage.snapshot()));
        report.put("freedCapacityToOfferMs", freed);
        System.out.printf("%nWith %d waiting, freed capacity -> offer: %s (%d samples)%n", waiting,
                BenchReport.brief(freedToOffer.summary()), freedToOffer.count());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Messages: paced rates both ways, rising until one fails

    private void messages() throws Exception {
        if (options.rates().isEmpty()) {
            return;
        }
        List<Chat> live = chats.values().stream().filter(chat -> chat.agent() != null).toList();
        if (live.isEmpty()) {
            throw new IllegalStateException("No chat was joined by an agent: nothing to send messages in");
        }
        // Warm-up, then let the stack catch up with it (and with the burst) before anything is measured.
        Step warmUp = new Step(Math.min(100, options.rates().get(0) * 2));
        pace(warmUp, live, options.warmupSeconds(), "warm-up");
        phase("settling", () -> outstanding(warmUp) + " warm-up messages still on their way");
        long settling = System.nanoTime();
        awaitQuietly(() -> outstanding(warmUp) == 0, Duration.ofMinutes(3));
        report.put("settleSeconds", Latencies.round((System.nanoTime() - settling) / 1e9));
        awaitQuietly(() -> false, Duration.ofSeconds(2));
        List<Map<String, Object>> steps = new ArrayList<>();
        Integer peak = null;
        Map<String, Object> lowLoad = null;
        long lost = 0;
        long duplicated = 0;
        for (int rate : options.rates()) {
            Step step = new Step(rate);
            ProcessUsage.Snapshot before = usage.snapshot();
            KafkaTwoHop broker = null;
            Thread brokerRun = null;
            if (steps.isEmpty() && options.kafka() != null) {
                broker = new KafkaTwoHop(options.kafka());
                KafkaTwoHop probe = broker;
                brokerRun = new Thread(() -> {
                    try {
                        probe.run(50, Duration.ofSeconds(options.stepSeconds()));
                    } catch (Exception e) {
                        System.err.println("bench: the raw broker measurement failed: " + e);
                    }
                }, "bench-kafka");
                brokerRun.start();
            }
            long began = System.nanoTime();
            pace(step, live, options.stepSeconds(), rate + " msg/s");
            double seconds = (System.nanoTime() - began) / 1e9;
            awaitQuietly(() -> outstanding(step) == 0, Duration.ofSeconds(10));
            if (brokerRun != null) {
                brokerRun.join();
                Map<String, Object> twoHop = new LinkedHashMap<>();
                twoHop.put("p50", Latencies.round(broker.latencies().quantileMs(0.5)));
                twoHop.put("p99", Latencies.round(broker.latencies().quantileMs(0.99)));
                twoHop.put("count", broker.latencies().count());
                report.put("kafkaTwoHopMs", twoHop);
            }
            Map<String, Object> row = summarise(step, seconds);
            row.put("processes", usage.between(before, usage.snapshot()));
            steps.add(row);
            boolean passed = (boolean) row.get("passed");
            System.out.println();
            System.out.println(BenchReport.stepLine(row));
            if (lowLoad == null) {
                lowLoad = row;
            }
            if (passed) {
                peak = rate;
            } else if (!options.allSteps()) {
                break;
            }
        }
        // A message that missed its step's drain window is late (its step failed), not lost: lost is what never came.
        phase("final drain", () -> sent.values().stream().filter(m -> !m.refused && m.seen.get() == 0).count()
                + " messages not received yet");
        awaitQuietly(() -> sent.values().stream().noneMatch(m -> !m.refused && m.seen.get() == 0), Duration.ofSeconds(60));
        lost = sent.values().stream().filter(m -> m.step != warmUp && !m.refused && m.seen.get() == 0).count();
        duplicated = sent.values().stream().filter(m -> m.seen.get() > 1).count();
        report.put("customerToAgentMs", lowLoad.get("customerToAgentMs"));
        report.put("agentToCustomerMs", lowLoad.get("agentToCustomerMs"));
        report.put("lowLoadMsgPerSec", lowLoad.get("rate"));
        report.put("peakSustainedMsgPerSec", peak);
        report.put("lost", lost);
        report.put("duplicated", duplicated);
        report.put("steps", steps);
    }

    /** Sends {@code step.rate} messages a second for {@code seconds}, alternating direction, round the chats. */
    private void pace(Step step, List<Chat> live, int seconds, String label) throws InterruptedException {
        phase(label, () -> step.sentCount.get() + " sent, " + (step.customerToAgent.count()
                + step.agentToCustomer.count()) + " received");
        long total = (long) step.rate * seconds;
        long interval = 1_000_000_000L / step.rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Chat chat = live.get((int) ((i / 2) % live.size()));
            boolean fromCustomer = i % 2 == 0;
            senders.execute(() -> send(step, chat, fromCustomer));
        }
    }

    private void send(Step step, Chat chat, boolean fromCustomer) {
        String ref = MessageRefs.letters(refs.incrementAndGet());
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "send");
        frame.put("correlationId", ref);
        frame.put("conversationId", chat.conversationId);
        frame.put("clientMessageId", ref);
        frame.put("text", text(ref, refs.get()));
        sent.put(ref, new Sent(ref, step, fromCustomer));
        step.sentCount.incrementAndGet();
        try {
            (fromCustomer ? chat.socket : chat.agent().socket).send(frame);
        } catch (RuntimeException e) {
            sent.get(ref).refused = true;
        }
    }

    /** A message text: its reference first, one in ten with a card number, a phone number or an e-mail. */
    private static String text(String ref, long n) {
        return switch ((int) (n % 10)) {
            case 0 -> MessageRefs.text(ref, " my card is 4111 1111 1111 1111, expiry 12/29");
            case 1 -> MessageRefs.text(ref, " call me back on +33 6 12 34 56 78 please");
            case 2 -> MessageRefs.text(ref, " my e-mail is jean.dupont@example.com");
            default -> MessageRefs.text(ref, " hello, my order A-1042 has not arrived yet, can you check?");
        };
    }

    private void received(String text, long now) {
        String ref = MessageRefs.find(text);
        Sent message = ref == null ? null : sent.get(ref);
        if (message == null) {
            return;
        }
        if (message.seen.incrementAndGet() > 1) {
            message.step.duplicated.incrementAndGet();
            return;
        }
        message.receivedMillis = System.currentTimeMillis();
        (message.fromCustomer ? message.step.customerToAgent : message.step.agentToCustomer).add(now - message.nanos);
    }

    private void refused(JsonNode frame) {
        frameErrors.incrementAndGet();
        Sent message = sent.get(frame.path("correlationId").asText(""));
        if (message != null) {
            message.refused = true;
        }
    }

    private long outstanding(Step step) {
        return sent.values().stream().filter(m -> m.step == step && !m.refused && m.seen.get() == 0).count();
    }

    private Map<String, Object> summarise(Step step, double seconds) {
        List<Sent> mine = sent.values().stream().filter(m -> m.step == step).toList();
        int refused = (int) mine.stream().filter(m -> m.refused).count();
        int lost = (int) mine.stream().filter(m -> !m.refused && m.seen.get() == 0).count();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rate", step.rate);
        row.put("achievedMsgPerSec", Math.round(mine.size() / seconds));
        row.put("sent", mine.size());
        row.put("customerToAgentMs", step.customerToAgent.summary());
        row.put("agentToCustomerMs", step.agentToCustomer.summary());
        row.put("notReceivedWithin10s", lost);
        row.put("duplicated", step.duplicated.get());
        row.put("refused", refused);
        if (taps != null) {
            row.put("customerToAgentHopsMs", hops(mine));
        }
        double worst = Math.max(nanToMax(step.customerToAgent.quantileMs(0.99)),
                nanToMax(step.agentToCustomer.quantileMs(0.99)));
        row.put("passed", lost == 0 && step.duplicated.get() == 0 && refused == 0 && worst < P99_LIMIT_MS
                && mine.size() >= 0.95 * step.rate * options.stepSeconds());
        return row;
    }

    /**
     * Chat start → offer split per hop from the topics' record timestamps (ms): the gateway (start to the inbound
     * topic), masking, conversation (to {@code ConversationQueued}), routing (to {@code ChatOffered} on the routing
     * topic, outbox relay included) and the gateway's push to the agent's socket.
     */
    private Map<String, Object> offerHops() {
        Map<String, Latencies> hops = new LinkedHashMap<>();
        for (String hop : List.of("gatewayToInbound", "masking", "conversation", "routing", "eventToAgentSocket")) {
            hops.put(hop, new Latencies());
        }
        for (Chat chat : chats.values()) {
            Long offered = offeredAt.get(chat.conversationId);
            Long inbound = taps.startAt(HopTaps.INBOUND, chat.conversationId);
            Long command = taps.startAt(HopTaps.COMMANDS, chat.conversationId);
            Long queued = taps.startAt(HopTaps.EVENTS, chat.conversationId);
            Long routed = taps.startAt(HopTaps.ROUTING, chat.conversationId);
            if (offered != null && inbound != null && command != null && queued != null && routed != null) {
                long offeredMillis = chat.startedMillis + (offered - chat.startedAt) / 1_000_000;
                hops.get("gatewayToInbound").add((inbound - chat.startedMillis) * 1_000_000);
                hops.get("masking").add((command - inbound) * 1_000_000);
                hops.get("conversation").add((queued - command) * 1_000_000);
                hops.get("routing").add((routed - queued) * 1_000_000);
                hops.get("eventToAgentSocket").add((offeredMillis - routed) * 1_000_000);
            }
        }
        return percentiles(hops);
    }

    /** Customer → agent split per hop from the topics' record timestamps (ms): p50 and p99 of each hop. */
    private Map<String, Object> hops(List<Sent> mine) {
        Map<String, Latencies> hops = new LinkedHashMap<>();
        for (String hop : List.of("gatewayToInbound", "masking", "conversation", "eventToAgentSocket")) {
            hops.put(hop, new Latencies());
        }
        for (Sent message : mine) {
            String ref = message.ref;
            if (message.fromCustomer && message.receivedMillis > 0) {
                Long inbound = taps.at(HopTaps.INBOUND, ref);
                Long command = taps.at(HopTaps.COMMANDS, ref);
                Long event = taps.at(HopTaps.EVENTS, ref);
                if (inbound != null && command != null && event != null) {
                    hops.get("gatewayToInbound").add((inbound - message.millis) * 1_000_000);
                    hops.get("masking").add((command - inbound) * 1_000_000);
                    hops.get("conversation").add((event - command) * 1_000_000);
                    hops.get("eventToAgentSocket").add((message.receivedMillis - event) * 1_000_000);
                }
            }
        }
        return percentiles(hops);
    }

    private static Map<String, Object> percentiles(Map<String, Latencies> hops) {
        Map<String, Object> result = new LinkedHashMap<>();
        hops.forEach((hop, latencies) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("p50", Latencies.round(latencies.quantileMs(0.5)));
            one.put("p99", Latencies.round(latencies.quantileMs(0.99)));
            result.put(hop, one);
        });
        return result;
    }

    private static double nanToMax(double value) {
        return Double.isNaN(value) ? Double.MAX_VALUE : value;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // End: every chat ended by its agent and wrapped up, then the agents log out

    private void endAndWrapUp() throws Exception {
        AtomicInteger ended = new AtomicInteger();
        AtomicInteger wrapped = new AtomicInteger();
        phase("end and wrap-up", () -> ended.get() + " ended, " + wrapped.get() + " wrapped up");
        // The chats still waiting (freed-capacity phase) are ended by their customers.
        all(chats.values().stream().filter(chat -> chat.agent() == null).toList(), chat ->
                Http.post(options.gateway() + "/api/chats/" + chat.conversationId + "/end", chat.token, null));
        all(chats.values().stream().filter(chat -> chat.agent() != null).toList(), chat -> {
            String base = options.gateway() + "/api/conversations/" + chat.conversationId;
            if (chat.ended || Http.post(base + "/end", chat.agent().token, null).status() == 202) {
                ended.incrementAndGet();
            }
            if (Http.post(base + "/wrap-up", chat.agent().token, Map.of("reasonCode", "RESOLVED", "note",
                    "bench " + runId)).status() == 202) {
                wrapped.incrementAndGet();
            }
        });
        all(agents, agent -> Http.put(options.gateway() + "/api/agent/state", agent.token,
                Map.of("state", "LOGGED_OUT")));
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("ended", ended.get());
        end.put("wrappedUp", wrapped.get());
        end.put("errorFrames", frameErrors.get());
        report.put("endAndWrapUp", end);
        System.out.printf("%nEnded %d chats, %d wrapped up%n", ended.get(), wrapped.get());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private interface Task<T> {
        void run(T item) throws Exception;
    }

    /** Like {@link #all}, a few at a time, each item tried up to three times (a slow stack times calls out). */
    private <T> void setUpAll(List<T> items, Task<T> task) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(setUpPool.submit(() -> {
                for (int attempt = 1; ; attempt++) {
                    try {
                        task.run(item);
                        return null;
                    } catch (IllegalStateException e) {
                        if (attempt == 3) {
                            throw e;
                        }
                    }
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /** Runs {@code task} for every item on the HTTP pool and waits for all; the first failure stops the bench. */
    private <T> void all(List<T> items, Task<T> task) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(http.submit(() -> {
                task.run(item);
                return null;
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get(2, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private void awaitTrue(String what, BooleanSupplier condition) {
        Waiting.untilOrGiveUp(what, condition, WAIT, POLL);
    }

    private static boolean awaitQuietly(BooleanSupplier condition, Duration timeout) {
        return Waiting.until(condition, timeout, POLL);
    }

    private void phase(String name, Supplier<String> status) {
        progress = () -> name + ": " + status.get();
    }

    private void tick() {
        while (true) {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
            String line = progress.get();
            if (!line.isEmpty()) {
                System.out.println("  ... " + line);
            }
        }
    }
}
