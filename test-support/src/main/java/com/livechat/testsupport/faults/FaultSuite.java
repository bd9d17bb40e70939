package com.livechat.testsupport.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.testsupport.bench.BenchAdmin;
import com.livechat.testsupport.bench.BenchSocket;
import com.livechat.testsupport.bench.MessageRefs;
import com.livechat.testsupport.launch.JsonReport;
import com.livechat.testsupport.launch.Launcher;
import com.livechat.testsupport.launch.Waiting;
import com.livechat.testsupport.stack.DemoData;
import com.livechat.testsupport.stack.Http;
import com.livechat.testsupport.stack.KafkaServerProcess;
import com.livechat.testsupport.stack.LivechatService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * {@code ./livechat faults}: the fault-injection suite. On the real local stack with two gateway instances, live
 * chats (agents and customers over real WebSockets, spread over both gateways) keep messages flowing both ways while
 * one fault after the other is injected: kill -9 of each service (restarted by {@code ./livechat up -d}, which
 * restarts only what is dead), one of two gateways killed with its clients moving to the other, one of three
 * brokers killed, the broker stopped for 15 s, PostgreSQL restarted, sockets dropped. The clients behave like the
 * desktop and the widget: they reconnect with back-off and resume from the last {@code seq} they saw, and resend a
 * message not acknowledged (same {@code clientMessageId}). Per fault it prints, and writes to
 * {@code target/fault-report.json}: chats, sent, delivered to every participant, lost, duplicated on screen, out of
 * order, stuck, agents over capacity, time to recover (until a message sent after the fault reached every
 * participant of every chat). Options: {@link FaultOptions#USAGE}.
 */
public final class FaultSuite {

    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(120);
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(100);
    /** A client resends a message not acknowledged after this long, and gives up after {@link #GIVE_UP}. */
    private static final long ACK_TIMEOUT_MS = 5_000;
    private static final long GIVE_UP_MS = 120_000;
    /** Limits on the time to recover: a single service or broker; a service with a replica (no restart). */
    static final double SINGLE_LIMIT_SECONDS = 15;
    static final double REPLICA_LIMIT_SECONDS = 5;

    private final FaultOptions options;
    private final Path root = LivechatService.repositoryRoot();
    private final Path runDirectory = root.resolve(".livechat/run");
    private final String runId = Launcher.runId();
    private final String queueId = "faults-" + runId;
    private final MessageLedger ledger = new MessageLedger();
    private final ExecutorService work = Executors.newFixedThreadPool(8, Waiting.daemons("faults-work"));
    private final ExecutorService reconnects = Executors.newCachedThreadPool(Waiting.daemons("faults-reconnect"));
    private final List<AgentClient> agents = new ArrayList<>();
    private final Map<String, AgentClient> agentsById = new ConcurrentHashMap<>();
    private final List<Chat> chats = new ArrayList<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> errorCodes = new ConcurrentHashMap<>();
    private final AtomicLong refs = new AtomicLong(Math.abs(new Random().nextInt(1_000_000)));
    private final Random random = new Random();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private volatile boolean running = true;
    /** While true, the traffic thread starts new messages (resends and reconnects go on while {@link #running}). */
    private volatile boolean sending = true;
    /** While true, a client whose gateway is gone reconnects to the other instance too. */
    private volatile boolean failover;

    private FaultSuite(FaultOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Launcher.main(args, FaultOptions.USAGE, FaultOptions::parse, options -> new FaultSuite(options).run());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Clients: a socket that reconnects and resumes, as the desktop and the widget do

    /** A participant's socket: reconnects with back-off (to its own gateway, or either during a fail-over). */
    private abstract class Client {
        final String participant;
        final int home;
        volatile String token;
        volatile BenchSocket socket;
        volatile int on;
        private final AtomicInteger reconnecting = new AtomicInteger();

        Client(String participant, int home) {
            this.participant = participant;
            this.home = home;
            this.on = home;
        }

        abstract String path();

        abstract Map<String, Long> resumeFrom();

        abstract void onFrame(JsonNode frame);

        String gateway() {
            return options.gateways().get(on);
        }

        void connect(int gateway) {
            String ws = options.gateways().get(gateway).replaceFirst("^http", "ws");
            BenchSocket opened = BenchSocket.open(ws + path(), token, this::onFrame, this::closed);
            on = gateway;
            socket = opened;
            Map<String, Long> lastSeq = resumeFrom();
            // The first frame: a resume from what this screen shows (the product replays the rest, once, in order).
            opened.send(lastSeq.isEmpty() ? Map.of("type", "ping") : Map.of("type", "resume", "lastSeq", lastSeq));
        }

        boolean connected() {
            BenchSocket current = socket;
            return current != null && !current.isClosed();
        }

        private void closed() {
            if (running && reconnecting.compareAndSet(0, 1)) {
                reconnects.submit(this::reconnect);
            }
        }

        private void reconnect() {
            long backoff = 250;
            try {
                while (running) {
                    List<Integer> order = failover ? List.of(on, 1 - on) : List.of(home);
                    for (int gateway : order) {
                        try {
                            connect(gateway);
                            return;
                        } catch (RuntimeException e) {
                            // not there yet: try the next one, then again after the back-off
                        }
                    }
                    sleep(backoff);
                    backoff = Math.min(1000, backoff * 2);
                }
            } finally {
                reconnecting.set(0);
                if (running && !connected()) {
                    closed();
                }
            }
        }

        void handleCommon(String type, JsonNode frame) {
            switch (type) {
                case "ack" -> acked(frame.path("clientMessageId").asText(""));
                case "error" -> refused(frame);
                default -> { }
            }
        }

        void send(Map<String, Object> frame) {
            BenchSocket current = socket;
            if (current == null || current.isClosed()) {
                throw new IllegalStateException("not connected");
            }
            current.send(frame);
        }

        void close() {
            BenchSocket current = socket;
            if (current != null) {
                current.close();
            }
        }
    }

    private final class AgentClient extends Client {
        final String id;
        final Set<String> joined = ConcurrentHashMap.newKeySet();
        final Set<String> offers = ConcurrentHashMap.newKeySet();
        volatile boolean available;

        AgentClient(String id, int home) {
            super(id, home);
            this.id = id;
        }

        @Override
        String path() {
            return "/ws/agent";
        }

        @Override
        Map<String, Long> resumeFrom() {
            Map<String, Long> lastSeq = new LinkedHashMap<>();
            for (String conversationId : joined) {
                lastSeq.put(conversationId, ledger.lastSeq(id, conversationId));
            }
            return lastSeq;
        }

        @Override
        void onFrame(JsonNode frame) {
            long now = System.currentTimeMillis();
            String type = frame.path("type").asText();
            String conversationId = frame.path("conversationId").asText(null);
            switch (type) {
                case "agent-state" -> available = "AVAILABLE".equals(frame.path("state").asText());
                case "offer" -> {
                    String offerId = frame.path("offerId").asText();
                    if (offers.add(offerId)) {
                        work.submit(() -> Http.post(gateway() + "/api/agent/offers/" + offerId + "/accept", token,
                                null));
                    }
                }
                case "participant" -> {
                    if ("joined".equals(frame.path("change").asText()) && id.equals(frame.path("agentId").asText())
                            && conversationId != null) {
                        joined.add(conversationId);
                        ledger.participant(conversationId, id);
                    }
                }
                default -> handleCommon(type, frame);
            }
            record(id, conversationId, frame, now);
        }
    }

    private final class CustomerClient extends Client {
        final String conversationId;

        CustomerClient(String conversationId, String token, int home) {
            super("customer:" + conversationId, home);
            this.conversationId = conversationId;
            this.token = token;
        }

        @Override
        String path() {
            return "/ws/customer/" + conversationId;
        }

        @Override
        Map<String, Long> resumeFrom() {
            long lastSeq = ledger.lastSeq(participant, conversationId);
            return lastSeq == 0 ? Map.of() : Map.of(conversationId, lastSeq);
        }

        @Override
        void onFrame(JsonNode frame) {
            handleCommon(frame.path("type").asText(), frame);
            record(participant, conversationId, frame, System.currentTimeMillis());
        }
    }

    /** Puts what a screen shows into the ledger: every frame with a seq, and every message. */
    private void record(String participant, String conversationId, JsonNode frame, long now) {
        if (conversationId == null || "offer".equals(frame.path("type").asText())) {
            return;
        }
        long seq = frame.path("seq").asLong(0);
        boolean message = "message".equals(frame.path("type").asText());
        if (seq == 0 && !message) {
            return;
        }
        String ref = null;
        if (message) {
            ref = MessageRefs.find(frame.path("text").asText(""));
        }
        ledger.frame(participant, conversationId, seq, message ? frame.path("messageId").asText(null) : null, ref,
                now);
    }

    /** One chat: its customer and the agent who took it. */
    private static final class Chat {
        final String conversationId;
        final CustomerClient customer;
        volatile String agentId;
        volatile boolean nextFromCustomer = true;

        Chat(String conversationId, CustomerClient customer) {
            this.conversationId = conversationId;
            this.customer = customer;
        }
    }

    /** A message not acknowledged yet: resent with the same clientMessageId until it is. */
    private static final class Pending {
        final String ref;
        final Chat chat;
        final boolean fromCustomer;
        final long firstAttempt = System.currentTimeMillis();
        volatile long retryAt;

        Pending(String ref, Chat chat, boolean fromCustomer) {
            this.ref = ref;
            this.chat = chat;
            this.fromCustomer = fromCustomer;
        }
    }

    private void acked(String ref) {
        if (pending.remove(ref) != null) {
            ledger.acked(ref);
        }
    }

    private void refused(JsonNode frame) {
        errorCodes.computeIfAbsent(frame.path("code").asText("?"), code -> new AtomicInteger()).incrementAndGet();
        Pending message = pending.get(frame.path("correlationId").asText(""));
        if (message != null) {
            message.retryAt = System.currentTimeMillis() + 1000;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Traffic: paced messages round the chats, both ways; resends

    private void traffic() {
        long interval = Math.max(1, Math.round(1000 / options.rate()));
        int next = 0;
        while (running && sending) {
            Chat chat = chats.get(next++ % chats.size());
            boolean fromCustomer = chat.nextFromCustomer;
            chat.nextFromCustomer = !fromCustomer;
            String ref = MessageRefs.letters(refs.incrementAndGet());
            Pending message = new Pending(ref, chat, fromCustomer);
            ledger.attempt(ref, chat.conversationId, message.firstAttempt);
            pending.put(ref, message);
            work.submit(() -> attempt(message));
            sleep(interval);
        }
    }

    private void resends() {
        while (running) {
            long now = System.currentTimeMillis();
            for (Pending message : pending.values()) {
                if (now - message.firstAttempt > GIVE_UP_MS) {
                    pending.remove(message.ref);
                    ledger.abandoned(message.ref);
                } else if (message.retryAt > 0 && now >= message.retryAt) {
                    message.retryAt = 0;
                    work.submit(() -> attempt(message));
                }
            }
            sleep(200);
        }
    }

    private void attempt(Pending message) {
        Client client = message.fromCustomer ? message.chat.customer : agentsById.get(message.chat.agentId);
        message.retryAt = System.currentTimeMillis() + ACK_TIMEOUT_MS;
        if (client == null || !client.connected()) {
            message.retryAt = System.currentTimeMillis() + 500;
            return;
        }
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "send");
        frame.put("correlationId", message.ref);
        frame.put("conversationId", message.chat.conversationId);
        frame.put("clientMessageId", message.ref);
        frame.put("text", MessageRefs.text(message.ref, message.fromCustomer ? " hello, is my order on its way?"
                : " let me check that for you"));
        try {
            client.send(frame);
        } catch (RuntimeException e) {
            message.retryAt = System.currentTimeMillis() + 500;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The run

    private boolean run() throws Exception {
        long began = System.currentTimeMillis();
        System.out.printf("Fault-injection suite %s: %d agents x %d, %d chats, %.0f msg/s, gateways %s%n", runId,
                options.agents(), options.capacity(), options.chats(), options.rate(), options.gateways());
        if (options.startStack()) {
            System.out.println("Starting the stack with two gateways (./livechat up -d --gateways 2)...");
            int status = up(true);
            if (status != 0) {
                throw new IllegalStateException("./livechat up -d --gateways 2 failed (exit " + status + ")");
            }
        }
        Thread trafficThread = null;
        Thread resendThread = null;
        try {
            setUp();
            trafficThread = start("faults-traffic", this::traffic);
            resendThread = start("faults-resend", this::resends);
            ledger.window("warm-up");
            sleep(5000);
            for (String fault : FaultOptions.FAULTS) {
                if (options.only().contains(fault)) {
                    runFault(fault);
                }
            }
            ledger.window("end");
            sending = false;
            trafficThread.join(5000);
            System.out.println();
            System.out.println("Final drain: waiting for every sent message to reach every participant...");
            awaitQuietly(() -> ledger.outstanding() == 0 && pending.isEmpty(), DRAIN_WAIT);
            closeChats();
        } finally {
            running = false;
            if (resendThread != null) {
                resendThread.interrupt();
            }
            agents.forEach(Client::close);
            chats.forEach(chat -> chat.customer.close());
            work.shutdownNow();
            reconnects.shutdownNow();
        }
        boolean passed = report();
        System.out.printf("%nDone in %d s.%n", (System.currentTimeMillis() - began) / 1000);
        return passed;
    }

    /** The admin password: given, else the one ./livechat up generated, else 'admin' (a stack made before that). */
    private String adminPassword() {
        if (options.adminPassword() != null) {
            return options.adminPassword();
        }
        try {
            Path saved = root.resolve(".livechat/admin-password");
            return Files.isRegularFile(saved) ? Files.readString(saved).trim() : "admin";
        } catch (IOException e) {
            return "admin";
        }
    }

    private void setUp() {
        String gateway = options.gateways().get(0);
        String admin = DemoData.login(gateway, "admin", adminPassword());
        BenchAdmin.createQueue(gateway, admin, queueId, "Faults " + runId);
        for (int i = 1; i <= options.agents(); i++) {
            AgentClient agent = new AgentClient(String.format("f%s-%02d", runId, i), (i - 1) % 2);
            BenchAdmin.createAgent(gateway, admin, agent.id, queueId, options.capacity());
            agents.add(agent);
            agentsById.put(agent.id, agent);
        }
        awaitTrue("the gateways to know queue " + queueId, () -> options.gateways().stream()
                .allMatch(url -> BenchAdmin.gatewayKnowsQueue(url, admin, queueId)), Duration.ofSeconds(60));
        for (AgentClient agent : agents) {
            agent.token = DemoData.login(agent.gateway(), agent.id, DemoData.AGENT_PASSWORD);
            agent.connect(agent.home);
            Http.put(agent.gateway() + "/api/agent/state", agent.token, Map.of("state", "AVAILABLE"))
                    .expect(200, 202, 204);
        }
        awaitTrue("every agent to be AVAILABLE", () -> agents.stream().allMatch(a -> a.available),
                Duration.ofSeconds(60));
        for (int i = 0; i < options.chats(); i++) {
            int home = i % 2 == 0 ? 1 : 0;
            Http.Response started = Http.post(options.gateways().get(home) + "/api/chats", null, Map.of(
                    "queueId", queueId, "customer", Map.of("name", "Fault customer " + i)));
            if (started.status() == 429) {
                throw new IllegalStateException("The gateway refuses chats beyond its per-address limit (429): start "
                        + "the stack with LIVECHAT_CHATS_PER_ADDRESS=0 LIVECHAT_CHATS_PER_SITE=0 (./livechat faults "
                        + "does when it starts the stack itself)");
            }
            started.expect(201);
            String conversationId = started.body().get("conversationId").asText();
            CustomerClient customer = new CustomerClient(conversationId, started.body().get("token").asText(), home);
            ledger.participant(conversationId, customer.participant);
            chats.add(new Chat(conversationId, customer));
        }
        awaitTrue("every chat to be taken by an agent", () -> {
            for (Chat chat : chats) {
                agents.stream().filter(agent -> agent.joined.contains(chat.conversationId)).findFirst()
                        .ifPresent(agent -> chat.agentId = agent.id);
            }
            return chats.stream().allMatch(chat -> chat.agentId != null);
        }, Duration.ofSeconds(90));
        for (Chat chat : chats) {
            chat.customer.connect(chat.customer.home);
        }
        System.out.printf("Set up: queue %s, %d agents, %d chats, each taken by an agent%n", queueId, agents.size(),
                chats.size());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Faults

    /** Thrown by a fault that cannot run here; the reason is printed and the fault left out of the report. */
    private static final class Skip extends Exception {
        Skip(String reason) {
            super(reason);
        }
    }

    /** A fault injected: the instant recovery counts from, what to wait for afterwards, the limit. */
    private record Injected(long since, Thread restart, double limit, String note) {
    }

    private void runFault(String fault) throws Exception {
        System.out.println();
        System.out.println("== " + fault);
        ledger.window(fault);
        Set<String> live = new HashSet<>();
        chats.forEach(chat -> live.add(chat.conversationId));
        Injected injected;
        try {
            injected = inject(fault);
        } catch (Skip skip) {
            System.out.println("   skipped: " + skip.getMessage());
            notes.add(describe(fault) + ": skipped, " + skip.getMessage());
            ledger.window("warm-up");
            return;
        }
        System.out.println("   recovery counts from " + clock(injected.since()) + " (the clock of .livechat/logs)");
        boolean recovered = awaitQuietly(() -> ledger.recoverySeconds(live, injected.since()) != null, RECOVERY_WAIT);
        Double recovery = ledger.recoverySeconds(live, injected.since());
        System.out.println("   messages flow again in every chat: " + (recovered ? recovery + " s" : "NO (gave up after "
                + RECOVERY_WAIT.toSeconds() + " s)"));
        // When each chat flowed again (the timeline of a recovery: the last ones tell what held it up).
        System.out.println("   chats flowing again at: " + ledger.flowingAgainAt(live, injected.since()).values()
                .stream().sorted().map(at -> String.format("+%.1f", (at - injected.since()) / 1000.0)).toList()
                + " s");
        if (injected.restart() != null) {
            injected.restart().join(TimeUnit.MINUTES.toMillis(5));
        }
        failover = false;
        awaitQuietly(() -> ledger.outstanding() == 0, DRAIN_WAIT);
        int stuck = live.size() - ledger.flowingAgainAt(live, injected.since()).size();
        int overCapacity = (int) agents.stream().filter(agent -> agent.joined.size() > options.capacity()).count();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fault", describe(fault));
        row.put("chats", live.size());
        row.put("window", fault);
        row.put("stuck", stuck);
        row.put("overCapacity", overCapacity);
        row.put("recoverySeconds", recovery);
        row.put("limitSeconds", injected.limit());
        if (injected.note() != null) {
            row.put("note", injected.note());
            System.out.println("   " + injected.note());
        }
        rows.add(row);
        sleep(3000);
    }

    private static String describe(String fault) {
        return switch (fault) {
            case "gateway" -> "kill -9 agent-gateway";
            case "routing" -> "kill -9 routing-service";
            case "conversation" -> "kill -9 conversation-service";
            case "masking" -> "kill -9 masking-service";
            case "gateway-failover" -> "kill -9 one of two gateways";
            case "kafka-node" -> "kill -9 one of three brokers";
            case "broker" -> "Kafka broker stopped 15 s";
            case "postgresql" -> "PostgreSQL restart";
            case "sockets" -> "half the sockets dropped";
            default -> fault;
        };
    }

    private Injected inject(String fault) throws Skip, InterruptedException {
        return switch (fault) {
            case "gateway" -> kill("agent-gateway", false);
            case "routing" -> kill("routing-service", false);
            case "conversation" -> kill("conversation-service", false);
            case "masking" -> kill("masking-service", false);
            case "gateway-failover" -> kill("agent-gateway-2", true);
            case "kafka-node" -> {
                if (!Files.isRegularFile(runDirectory.resolve("kafka-2.pid"))) {
                    throw new Skip("no .livechat/run/kafka-2.pid: the stack runs one broker (./livechat up --brokers 3 "
                            + "runs three)");
                }
                yield kill("kafka-2", false);
            }
            case "broker" -> stopBroker();
            case "postgresql" -> restartPostgres();
            case "sockets" -> dropSockets();
            default -> throw new Skip("unknown fault");
        };
    }

    /** kill -9 of a component; restarted by ./livechat up -d at once, or (fail-over) once its clients moved. */
    private Injected kill(String component, boolean moveClients) throws Skip {
        ProcessHandle process = pid(component).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new Skip(component + " does not run (no live pid in .livechat/run)"));
        failover = moveClients;
        process.destroyForcibly();
        long since = System.currentTimeMillis();
        System.out.printf("   killed %s (pid %d)%n", component, process.pid());
        if (moveClients) {
            Thread restart = new Thread(() -> {
                awaitQuietly(() -> !running || ledger.recoverySeconds(liveIds(), since) != null, RECOVERY_WAIT);
                restartWithUp(since);
            }, "faults-restart");
            restart.start();
            return new Injected(since, restart, REPLICA_LIMIT_SECONDS, null);
        }
        return new Injected(since, start("faults-restart", () -> restartWithUp(since)), SINGLE_LIMIT_SECONDS, null);
    }

    /**
     * Every node of the cluster stopped (SIGTERM, as an operator or a host shutdown would), so that the row means a
     * broker outage on one node and on three alike; started again 15 s after the stop.
     */
    private Injected stopBroker() throws Skip, InterruptedException {
        List<ProcessHandle> nodes = new ArrayList<>();
        for (int id = 1; id <= KafkaServerProcess.MAX_NODES; id++) {
            String component = KafkaServerProcess.Node.component(id);
            pid(component).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(nodes::add);
        }
        if (nodes.isEmpty()) {
            throw new Skip("kafka does not run (no live pid in .livechat/run)");
        }
        nodes.forEach(ProcessHandle::destroy);
        long stoppedAt = System.currentTimeMillis();
        System.out.printf("   stopped %d Kafka node(s) (pids %s, SIGTERM)%n", nodes.size(),
                nodes.stream().map(node -> Long.toString(node.pid())).toList());
        for (ProcessHandle node : nodes) {
            try {
                node.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                node.destroyForcibly();
            }
        }
        System.out.printf("   every node exited %.1f s after the stop%n", (System.currentTimeMillis() - stoppedAt) / 1000.0);
        sleep(Math.max(0, stoppedAt + 5000 - System.currentTimeMillis()));
        String note = failFastAndReadiness();
        sleep(Math.max(0, stoppedAt + 15_000 - System.currentTimeMillis()));
        long since = System.currentTimeMillis();
        System.out.println("   15 s without a broker: starting it again (recovery counts from now)");
        return new Injected(since, start("faults-restart", () -> restartWithUp(since)), SINGLE_LIMIT_SECONDS, note);
    }

    /**
     * While the broker is down: a REST command must fail fast with 503 (never hang, never 500), and each service's
     * readiness must say the broker is what is missing.
     */
    private String failFastAndReadiness() {
        Chat chat = chats.get(0);
        long began = System.nanoTime();
        String status;
        try {
            status = Integer.toString(Http.post(options.gateways().get(0) + "/api/chats/" + chat.conversationId
                    + "/messages", chat.customer.token, Map.of("clientMessageId", "fail-fast-" + runId, "text",
                    "fail fast probe")).status());
        } catch (IllegalStateException e) {
            status = "no answer (" + e.getMessage() + ")";
        }
        double seconds = Math.round((System.nanoTime() - began) / 1e8) / 10.0;
        StringBuilder note = new StringBuilder("broker down: a message over REST answered " + status + " in " + seconds
                + " s; readiness:");
        Map<String, Integer> readinessPorts = new LinkedHashMap<>();
        readinessPorts.put("agent-gateway", LivechatService.DEFAULT_MANAGEMENT_PORT);
        readinessPorts.put("routing-service", LivechatService.ROUTING.defaultPort());
        readinessPorts.put("conversation-service", LivechatService.CONVERSATION.defaultPort());
        readinessPorts.put("masking-service", LivechatService.MASKING.defaultPort());
        readinessPorts.forEach((service, port) -> {
            List<String> down = new ArrayList<>();
            try {
                Http.Response ready = Http.get("http://localhost:" + port + "/q/health/ready", null);
                if (ready.body() != null) {
                    for (JsonNode check : ready.body().path("checks")) {
                        if (!"UP".equals(check.path("status").asText())) {
                            down.add(check.path("name").asText());
                        }
                    }
                }
                note.append(' ').append(service).append(' ').append(ready.status()).append(" DOWN ").append(down)
                        .append(';');
            } catch (RuntimeException e) {
                note.append(' ').append(service).append(" unreachable;");
            }
        });
        notes.add(note.toString());
        return note.toString();
    }

    private Injected restartPostgres() throws Skip {
        String[] cluster = postgresCluster();
        long since = System.currentTimeMillis();
        System.out.printf("   restarting PostgreSQL %s/%s (port %d)%n", cluster[0], cluster[1], options.postgresPort());
        int status = command(List.of("pg_ctlcluster", "--skip-systemctl-redirect", cluster[0], cluster[1], "restart",
                "-m", "fast"));
        if (status != 0) {
            System.out.println("   pg_ctlcluster restart exited with " + status);
        }
        return new Injected(since, null, SINGLE_LIMIT_SECONDS, null);
    }

    /** The Debian cluster (version, name) listening on the stack's PostgreSQL port. */
    private String[] postgresCluster() throws Skip {
        try {
            Process list = new ProcessBuilder("pg_lsclusters", "--no-header").redirectErrorStream(true).start();
            String output = new String(list.getInputStream().readAllBytes());
            list.waitFor(10, TimeUnit.SECONDS);
            for (String line : output.split("\n")) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length >= 3 && columns[2].equals(Integer.toString(options.postgresPort()))) {
                    return new String[] {columns[0], columns[1]};
                }
            }
        } catch (IOException e) {
            throw new Skip("pg_lsclusters is not available (not a Debian PostgreSQL): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Skip("no local PostgreSQL cluster on port " + options.postgresPort());
    }

    private Injected dropSockets() {
        List<Client> clients = new ArrayList<>(agents);
        chats.forEach(chat -> clients.add(chat.customer));
        Collections.shuffle(clients, random);
        List<Client> dropped = clients.subList(0, clients.size() / 2);
        long since = System.currentTimeMillis();
        for (Client client : dropped) {
            BenchSocket socket = client.socket;
            if (socket != null) {
                socket.abort();
            }
        }
        System.out.printf("   dropped %d of %d sockets%n", dropped.size(), clients.size());
        return new Injected(since, null, REPLICA_LIMIT_SECONDS, null);
    }

    private Set<String> liveIds() {
        Set<String> ids = new HashSet<>();
        chats.forEach(chat -> ids.add(chat.conversationId));
        return ids;
    }

    private void restartWithUp(long since) {
        long began = System.currentTimeMillis();
        int status = up(false);
        System.out.printf("   ./livechat up -d restarted what was dead: exit %d, %.1f s after the fault (%s)%n",
                status, (System.currentTimeMillis() - since) / 1000.0, clock(System.currentTimeMillis()));
        if (status != 0) {
            System.out.println("   (see .livechat/logs/faults-up.log; up ran " + (System.currentTimeMillis() - began)
                    / 1000 + " s)");
        }
    }

    /** {@code ./livechat up -d --gateways 2}, without the per-address chat limits (one load client). */
    private int up(boolean showOutput) {
        ProcessBuilder builder = new ProcessBuilder(root.resolve("livechat").toString(), "up", "-d", "--gateways", "2")
                .directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("LAUNCHER_MAIN");
        builder.environment().put("LIVECHAT_CHATS_PER_ADDRESS", "0");
        builder.environment().put("LIVECHAT_CHATS_PER_SITE", "0");
        if (options.adminPassword() != null) {
            builder.environment().put("LIVECHAT_ADMIN_PASSWORD", options.adminPassword());
        }
        if (showOutput) {
            builder.inheritIO();
        } else {
            Path log = root.resolve(".livechat/logs/faults-up.log");
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroy();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run ./livechat up: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int command(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(2, TimeUnit.MINUTES) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private Optional<Long> pid(String component) {
        try {
            return Optional.of(Long.parseLong(Files.readString(runDirectory.resolve(component + ".pid")).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The end: every chat ended and wrapped up (it must reach CLOSED), the table, the JSON

    private void closeChats() {
        for (Chat chat : chats) {
            AgentClient agent = agentsById.get(chat.agentId);
            String base = agent.gateway() + "/api/conversations/" + chat.conversationId;
            try {
                Http.post(base + "/end", agent.token, null);
                Http.post(base + "/wrap-up", agent.token, Map.of("reasonCode", "RESOLVED", "note", "faults " + runId));
            } catch (IllegalStateException e) {
                System.out.println("could not end " + chat.conversationId + ": " + e.getMessage());
            }
        }
        awaitQuietly(() -> closedChats() == chats.size(), Duration.ofSeconds(30));
        int closed = closedChats();
        String note = "chats closed at the end (ended and wrapped up): " + closed + "/" + chats.size();
        notes.add(note);
        System.out.println(note);
        for (AgentClient agent : agents) {
            try {
                Http.put(agent.gateway() + "/api/agent/state", agent.token, Map.of("state", "LOGGED_OUT"));
            } catch (IllegalStateException e) {
                // the agent stays as it is; the next run uses agents of its own
            }
        }
    }

    private int closedChats() {
        int closed = 0;
        for (Chat chat : chats) {
            AgentClient agent = agentsById.get(chat.agentId);
            try {
                Http.Response view = Http.get(agent.gateway() + "/api/conversations/" + chat.conversationId,
                        agent.token);
                if (view.body() != null && "CLOSED".equals(view.body().path("state").asText())) {
                    closed++;
                }
            } catch (IllegalStateException e) {
                // not answered: not counted as closed
            }
        }
        return closed;
    }

    private boolean report() throws IOException {
        boolean passed = true;
        List<Map<String, Object>> json = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n%-32s %5s %5s %9s %4s %4s %4s %5s %7s %8s %5s  %s%n", "FAULT", "CHATS", "SENT",
                "DELIVERED", "LOST", "DUP", "OOO", "STUCK", "OVERCAP", "RECOVERY", "LIMIT", "RESULT"));
        for (Map<String, Object> row : rows) {
            MessageLedger.Figures figures = ledger.figures((String) row.get("window"), (int) row.get("chats"));
            Double recovery = (Double) row.get("recoverySeconds");
            double limit = (double) row.get("limitSeconds");
            boolean ok = figures.lost() == 0 && figures.duplicated() == 0 && figures.outOfOrder() == 0
                    && (int) row.get("stuck") == 0 && (int) row.get("overCapacity") == 0 && recovery != null
                    && recovery <= limit;
            passed &= ok;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("fault", row.get("fault"));
            out.put("chats", figures.chats());
            out.put("sent", figures.sent());
            out.put("delivered", figures.delivered());
            out.put("lost", figures.lost());
            out.put("duplicated", figures.duplicated());
            out.put("outOfOrder", figures.outOfOrder());
            out.put("stuck", row.get("stuck"));
            out.put("overCapacity", row.get("overCapacity"));
            out.put("recoverySeconds", recovery);
            out.put("limitSeconds", limit);
            out.put("passed", ok);
            if (row.containsKey("note")) {
                out.put("note", row.get("note"));
            }
            json.add(out);
            table.append(String.format("%-32s %5d %5d %9d %4d %4d %4d %5d %7d %8s %5.0f  %s%n", row.get("fault"),
                    figures.chats(), figures.sent(), figures.delivered(), figures.lost(), figures.duplicated(),
                    figures.outOfOrder(), (int) row.get("stuck"), (int) row.get("overCapacity"),
                    recovery == null ? "-" : String.format("%.1f s", recovery), limit, ok ? "ok" : "FAILED"));
        }
        System.out.print(table);
        if (!errorCodes.isEmpty()) {
            System.out.println("error frames received (resent by the clients): " + errorCodes);
        }
        notes.forEach(System.out::println);
        Path file = options.report() != null ? options.report() : root.resolve("target/fault-report.json");
        System.out.println("Report: " + JsonReport.write(json, file));
        return passed;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A wall-clock time of day with milliseconds, as the stack's logs print it. */
    private static String clock(long millis) {
        return java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneId.systemDefault()).toLocalTime()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }

    private static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) {
        Waiting.untilOrGiveUp(what, condition, timeout, POLL);
    }

    private static boolean awaitQuietly(BooleanSupplier condition, Duration timeout) {
        return Waiting.until(condition, timeout, POLL);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
