package com.livechat.testsupport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time and memory of the processes under test, read from {@code /proc} (Linux): the local stack's components
 * (their pids in {@code .livechat/run}), the PostgreSQL cluster (postmaster and its backends) and the load
 * generator itself. Against another deployment only the load generator is measured.
 */
final class ProcessUsage {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    record Snapshot(long nanos, Map<String, Long> ticks) {
    }

    private final Map<String, List<Long>> groups = new LinkedHashMap<>();
    private final Map<String, Long> peakRssKb = new LinkedHashMap<>();

    ProcessUsage(Path runDirectory, int postgresPort) {
        List<String> components = List.of("kafka", "masking-service", "routing-service", "conversation-service",
                "agent-gateway");
        for (String component : components) {
            readPid(runDirectory.resolve(component + ".pid")).ifPresent(pid -> groups.put(component, List.of(pid)));
        }
        readPid(Path.of("/var/run/postgresql/.s.PGSQL." + postgresPort + ".lock")).ifPresent(pid ->
                groups.put("postgresql", List.of(pid)));
        groups.put("load-generator", List.of(ProcessHandle.current().pid()));
    }

    boolean measuresStack() {
        return groups.size() > 1;
    }

    /** CPU ticks of each group now (a group: the process and, for PostgreSQL, its backends). */
    Snapshot snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        groups.forEach((name, pids) -> {
            long total = 0;
            long rss = 0;
            for (long pid : pidsWithChildren(name, pids)) {
                total += cpuTicks(pid);
                rss += rssKb(pid);
            }
            ticks.put(name, total);
            peakRssKb.merge(name, rss, Math::max);
        });
        return new Snapshot(System.nanoTime(), ticks);
    }

    /** Per group: CPU in % of one core between two snapshots, and the highest resident memory seen so far. */
    Map<String, Object> between(Snapshot from, Snapshot to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Object> usage = new LinkedHashMap<>();
        to.ticks().forEach((name, ticks) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            long delta = ticks - from.ticks().getOrDefault(name, ticks);
            one.put("cpuPercentOfOneCore", Math.round(delta / TICKS_PER_SECOND / seconds * 1000) / 10.0);
            one.put("cpuSeconds", Math.round(delta / TICKS_PER_SECOND * 10) / 10.0);
            one.put("peakRssMb", peakRssKb.getOrDefault(name, 0L) / 1024);
            usage.put(name, one);
        });
        return usage;
    }

    private static List<Long> pidsWithChildren(String name, List<Long> pids) {
        List<Long> all = new ArrayList<>(pids);
        if (name.equals("postgresql")) {
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(handle -> handle.descendants().forEach(child -> all.add(child.pid())));
            }
        }
        return all;
    }

    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static Optional<Long> readPid(Path file) {
        try {
            long pid = Long.parseLong(Files.readAllLines(file).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
