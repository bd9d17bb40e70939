package com.livechat.testsupport.bench;

import static com.livechat.testsupport.launch.OptionValues.number;
import static com.livechat.testsupport.launch.OptionValues.strip;
import static com.livechat.testsupport.launch.OptionValues.value;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The load generator's settings, from {@code ./livechat bench [options]}. */
record BenchOptions(String gateway, String kafka, String adminPassword, int agents, int capacity,
        int burst, List<Integer> rates, int stepSeconds, int warmupSeconds, boolean allSteps, int postgresPort,
        Path report, int waiting, int freeSamples) {

    static final String USAGE = """
            usage: ./livechat bench [--quick] [options]
              --gateway URL        the gateway to load (default http://localhost:8080)
              --kafka HOST:PORT    the broker, for the raw two-hop figure and the per-hop split (default 127.0.0.1:9092;
                                   'none' to skip both, e.g. when the broker is not reachable from here); on a
                                   secured broker as $LIVECHAT_KAFKA_USERNAME / $LIVECHAT_KAFKA_PASSWORD (./livechat
                                   bench gives it the local stack's 'bench' principal)
              --admin-password PW  the gateway's admin password (default $LIVECHAT_ADMIN_PASSWORD or 'admin')
              --agents N           agents over real WebSockets (default 100; --quick 20)
              --capacity N         chats per agent, 1 to 10 (default 10)
              --burst N            chats started at once (default 1000; --quick 100); at most agents x capacity
              --rates A,B,...      paced message rates, msg/s both ways together (default 50,100,200,400,700,1000,1500,2000;
                                   'none' skips the messages: only the burst and the freed-capacity phases)
              --step-seconds N     seconds per rate (default 20; --quick 5)
              --waiting N          chats left waiting (every agent full) for the freed-capacity measurement: agents
                                   end a chat each, 5 a second, and the next offer is timed (default 1000; --quick
                                   100; 0 skips it)
              --free-samples N     how many agents free a slot (default 100, at most --agents)
              --all-steps          keep going after a rate fails (p99 >= 250 ms, lost or duplicated messages)
              --report FILE        the JSON report (default target/load-report.json; the plot goes next to it)
            """;

    static BenchOptions parse(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        String gateway = "http://localhost:8080";
        String kafka = "127.0.0.1:" + Optional.ofNullable(System.getenv("LIVECHAT_KAFKA_PORT")).orElse("9092");
        String adminPassword = Optional.ofNullable(System.getenv("LIVECHAT_ADMIN_PASSWORD")).orElse("admin");
        int agents = quick ? 20 : 100;
        int capacity = 10;
        int burst = quick ? 100 : 1000;
        List<Integer> rates = quick ? List.of(50, 100) : List.of(50, 100, 200, 400, 700, 1000, 1500, 2000);
        int stepSeconds = quick ? 5 : 20;
        boolean allSteps = false;
        int waiting = quick ? 100 : 1000;
        int freeSamples = 100;
        int postgresPort = Integer.parseInt(Optional.ofNullable(System.getenv("LIVECHAT_PG_PORT")).orElse("5432"));
        Path report = Path.of("target", "load-report.json");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> { }
                case "--all-steps" -> allSteps = true;
                case "--gateway" -> gateway = value(args, ++i, arg);
                case "--kafka" -> kafka = value(args, ++i, arg);
                case "--admin-password" -> adminPassword = value(args, ++i, arg);
                case "--agents" -> agents = number(args, ++i, arg);
                case "--capacity" -> capacity = number(args, ++i, arg);
                case "--burst" -> burst = number(args, ++i, arg);
                case "--step-seconds" -> stepSeconds = number(args, ++i, arg);
                case "--waiting" -> waiting = number(args, ++i, arg);
                case "--free-samples" -> freeSamples = number(args, ++i, arg);
                case "--report" -> report = Path.of(value(args, ++i, arg));
                case "--rates" -> {
                    String listed = value(args, ++i, arg);
                    List<Integer> list = new ArrayList<>();
                    for (String rate : "none".equals(listed) ? new String[0] : listed.split(",")) {
                        list.add(Integer.parseInt(rate.trim()));
                    }
                    rates = List.copyOf(list);
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (capacity < 1 || capacity > 10) {
            throw new IllegalArgumentException("--capacity must be 1 to 10 (routing's limit)");
        }
        if (burst > agents * capacity) {
            throw new IllegalArgumentException("--burst " + burst + " is more than agents x capacity ("
                    + agents * capacity + "): every chat of the burst must be offered");
        }
        return new BenchOptions(strip(gateway), "none".equals(kafka) ? null : kafka, adminPassword,
                agents, capacity, burst, rates, stepSeconds, quick ? 3 : 10, allSteps, postgresPort, report, waiting,
                freeSamples);
    }
}
