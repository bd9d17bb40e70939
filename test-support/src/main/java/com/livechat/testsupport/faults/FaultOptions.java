package com.livechat.testsupport.faults;

import static com.livechat.testsupport.launch.OptionValues.number;
import static com.livechat.testsupport.launch.OptionValues.strip;
import static com.livechat.testsupport.launch.OptionValues.value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The fault-injection suite's settings, from {@code ./livechat faults [options]}. */
record FaultOptions(List<String> gateways, String adminPassword, int agents, int capacity, int chats,
        double rate, Set<String> only, boolean startStack, int postgresPort, Path report) {

    static final List<String> FAULTS = List.of("gateway", "routing", "conversation", "masking", "gateway-failover",
            "kafka-node", "broker", "postgresql", "sockets");

    static final String USAGE = """
            usage: ./livechat faults [options]
              Starts (or keeps) the local stack with two gateway instances (./livechat up -d --gateways 2), opens
              live chats over real WebSockets (agents and customers spread over both gateways), keeps messages
              flowing both ways, and injects one fault after the other, restarting what it killed with
              ./livechat up -d:
                gateway           kill -9 agent-gateway (instance 1); its clients wait for it to come back
                routing           kill -9 routing-service
                conversation      kill -9 conversation-service
                masking           kill -9 masking-service
                gateway-failover  kill -9 agent-gateway-2; its clients reconnect to instance 1
                kafka-node        kill -9 kafka-2, one of three brokers (only with ./livechat up --brokers 3)
                broker            stop the Kafka broker (every node) for 15 s
                postgresql        restart the PostgreSQL cluster on LIVECHAT_PG_PORT (pg_ctlcluster, as root)
                sockets           drop half of the clients' sockets at once; they reconnect and resume
              After each fault it prints chats, messages sent, delivered to every participant, lost, duplicated
              on screen, out of order, chats stuck, agents over capacity, time to recover; the table is written
              as JSON to target/fault-report.json. Exit code 1 when a fault's figures fail.
            options:
              --only A,B,...       run only these faults (names above)
              --no-start           do not run ./livechat up -d first (the stack must run, with two gateways)
              --gateway URL        a gateway instance (give it twice; default http://localhost:8080 and :8084)
              --admin-password PW  the gateway's admin password (default $LIVECHAT_ADMIN_PASSWORD, else the one
                                   ./livechat up generated in .livechat/admin-password)
              --agents N           agents (default 4)
              --capacity N         chats per agent (default 3)
              --chats N            live chats (default 8; at most agents x capacity)
              --rate R             messages per second, both ways together (default 8)
              --report FILE        the JSON report (default target/fault-report.json)
            """;

    static FaultOptions parse(String[] args) {
        List<String> gateways = new ArrayList<>();
        // Null: the local stack's own (LIVECHAT_ADMIN_PASSWORD, else .livechat/admin-password once up ran).
        String adminPassword = Optional.ofNullable(System.getenv("LIVECHAT_ADMIN_PASSWORD"))
                .filter(password -> !password.isBlank()).orElse(null);
        int agents = 4;
        int capacity = 3;
        int chats = 8;
        double rate = 8;
        Set<String> only = new LinkedHashSet<>(FAULTS);
        boolean startStack = true;
        int postgresPort = Integer.parseInt(Optional.ofNullable(System.getenv("LIVECHAT_PG_PORT")).orElse("5432"));
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--no-start" -> startStack = false;
                case "--gateway" -> gateways.add(strip(value(args, ++i, arg)));
                case "--admin-password" -> adminPassword = value(args, ++i, arg);
                case "--agents" -> agents = number(args, ++i, arg);
                case "--capacity" -> capacity = number(args, ++i, arg);
                case "--chats" -> chats = number(args, ++i, arg);
                case "--rate" -> rate = Double.parseDouble(value(args, ++i, arg));
                case "--report" -> report = Path.of(value(args, ++i, arg));
                case "--only" -> {
                    only = new LinkedHashSet<>();
                    for (String name : value(args, ++i, arg).split(",")) {
                        if (!FAULTS.contains(name.trim())) {
                            throw new IllegalArgumentException("Unknown fault " + name + "; one of " + FAULTS);
                        }
                        only.add(name.trim());
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (gateways.isEmpty()) {
            gateways = List.of("http://localhost:8080", "http://localhost:8084");
        }
        if (gateways.size() != 2) {
            throw new IllegalArgumentException("--gateway: give both gateway instances");
        }
        if (chats > agents * capacity || chats < 1 || rate <= 0) {
            throw new IllegalArgumentException("--chats must be 1 to agents x capacity, --rate positive");
        }
        return new FaultOptions(List.copyOf(gateways), adminPassword, agents, capacity, chats, rate, only,
                startStack, postgresPort, report);
    }
}
