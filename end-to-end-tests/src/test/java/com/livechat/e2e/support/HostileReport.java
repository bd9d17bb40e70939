package com.livechat.e2e.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livechat.contracts.json.EventJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the hostile-input suite tried, per endpoint and socket: how many inputs, and what each got (an HTTP status,
 * an error frame's code, an upgrade's status...). Printed as one table and written as JSON.
 */
public final class HostileReport {

    private final Instant startedAt = Instant.now();
    /** kind ("rest", "socket") + target → outcome → count. */
    private final Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
    private final Map<String, Integer> serverErrors = new TreeMap<>();

    /** One input sent to {@code target} (e.g. {@code "POST /api/chats"}, {@code "/ws/agent"}) and what it got. */
    public synchronized void count(String kind, String target, String outcome) {
        String key = kind + " " + target;
        outcomes.computeIfAbsent(key, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
        if (outcome.startsWith("5") || outcome.equals("no answer") || outcome.equals("crash")) {
            serverErrors.merge(key, 1, Integer::sum);
        }
    }

    public synchronized int inputs() {
        return outcomes.values().stream().mapToInt(byOutcome -> byOutcome.values().stream()
                .mapToInt(Integer::intValue).sum()).sum();
    }

    public synchronized int inputs(String kind, String target) {
        return outcomes.getOrDefault(kind + " " + target, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized int serverErrors() {
        return serverErrors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line per endpoint or socket: inputs, 5xx or no answer, and the answers by kind. */
    public synchronized String table() {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%-6s %-62s %7s %5s  %s%n", "kind", "endpoint or socket", "inputs", "5xx", "answers"));
        for (Map.Entry<String, Map<String, Integer>> entry : outcomes.entrySet()) {
            String kind = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String target = entry.getKey().substring(kind.length() + 1);
            int inputs = entry.getValue().values().stream().mapToInt(Integer::intValue).sum();
            table.append(String.format("%-6s %-62s %7d %5d  %s%n", kind, target, inputs,
                    serverErrors.getOrDefault(entry.getKey(), 0), entry.getValue()));
        }
        table.append(String.format("%-6s %-62s %7d %5d  in %d s%n", "total", outcomes.size() + " endpoints and sockets",
                inputs(), serverErrors(), Duration.between(startedAt, Instant.now()).toSeconds()));
        return table.toString();
    }

    /** Writes the report as JSON: {@code {startedAt, seconds, inputs, serverErrors, targets: [...]}}. */
    public synchronized void write(Path file, int logProblems) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.put("startedAt", startedAt.toString());
        root.put("seconds", Duration.between(startedAt, Instant.now()).toSeconds());
        root.put("inputs", inputs());
        root.put("serverErrors", serverErrors());
        root.put("errorOrStackTraceLogLines", logProblems);
        ArrayNode targets = root.putArray("targets");
        for (Map.Entry<String, Map<String, Integer>> entry : outcomes.entrySet()) {
            String kind = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            ObjectNode target = targets.addObject();
            target.put("kind", kind);
            target.put("target", entry.getKey().substring(kind.length() + 1));
            target.put("inputs", entry.getValue().values().stream().mapToInt(Integer::intValue).sum());
            target.put("serverErrors", serverErrors.getOrDefault(entry.getKey(), 0));
            ObjectNode answers = target.putObject("answers");
            entry.getValue().forEach(answers::put);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
