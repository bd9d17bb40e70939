package com.livechat.testsupport.bench;

import com.livechat.testsupport.launch.JsonReport;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bench's outputs: the JSON report, the table printed at the end, and the latency plot (PNG, Java2D). */
final class BenchReport {

    private BenchReport() {
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("memoryGb", memoryGb());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.version"));
        return machine;
    }

    static void write(Map<String, Object> report, Path file) throws IOException {
        Path absolute = JsonReport.write(report, file);
        Path plot = absolute.resolveSibling(absolute.getFileName().toString().replaceFirst("\\.json$", "") + ".png");
        plot(report, plot);
        System.out.println();
        System.out.println(table(report));
        System.out.println("Report: " + absolute);
        System.out.println("Plot:   " + plot);
    }

    static String brief(Map<String, Object> summary) {
        return "p50 " + summary.get("p50") + " / p95 " + summary.get("p95") + " / p99 " + summary.get("p99")
                + " / max " + summary.get("max") + " ms";
    }

    @SuppressWarnings("unchecked")
    static String stepLine(Map<String, Object> row) {
        return String.format("%5s msg/s (achieved %s): customer->agent %s; agent->customer %s; not received "
                        + "within 10 s %s, dup %s, refused %s -> %s", row.get("rate"), row.get("achievedMsgPerSec"),
                brief((Map<String, Object>) row.get("customerToAgentMs")),
                brief((Map<String, Object>) row.get("agentToCustomerMs")), row.get("notReceivedWithin10s"),
                row.get("duplicated"), row.get("refused"), Boolean.TRUE.equals(row.get("passed")) ? "PASS" : "FAIL");
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> report) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        out.append("Livechat load report (").append(machine.get("cores")).append(" cores, ").append(machine.get("cpu"))
                .append(")\n");
        row(out, "chat start -> offer (burst)", brief((Map<String, Object>) report.get("chatStartToOfferMs")));
        Map<String, Object> burst = (Map<String, Object>) report.get("burst");
        if (burst != null) {
            row(out, "burst of " + burst.get("chats") + ": all offered in", burst.get("allOfferedSeconds") + " s ("
                    + burst.get("offered") + " offered)");
        }
        if (report.containsKey("customerToAgentMs")) {
            row(out, "customer -> agent @ " + report.get("lowLoadMsgPerSec") + " msg/s",
                    brief((Map<String, Object>) report.get("customerToAgentMs")));
            row(out, "agent -> customer @ " + report.get("lowLoadMsgPerSec") + " msg/s",
                    brief((Map<String, Object>) report.get("agentToCustomerMs")));
        }
        Map<String, Object> kafka = (Map<String, Object>) report.get("kafkaTwoHopMs");
        if (kafka != null) {
            row(out, "raw Kafka two hops", "p50 " + kafka.get("p50") + " / p99 " + kafka.get("p99") + " ms");
        }
        Map<String, Object> freed = (Map<String, Object>) report.get("freedCapacityToOfferMs");
        if (freed != null) {
            row(out, "freed capacity -> offer, " + freed.get("waiting") + " waiting", brief(freed));
        }
        row(out, "peak sustained (p99 < 250 ms)", report.get("peakSustainedMsgPerSec") + " msg/s");
        row(out, "lost / duplicated", report.get("lost") + " / " + report.get("duplicated"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) report.get("steps");
        if (steps != null) {
            out.append("\n  rate  achieved  c->a p50/p99 ms   a->c p50/p99 ms  late dup  ");
            out.append("CPU % of one core per process\n");
            for (Map<String, Object> step : steps) {
                Map<String, Object> ca = (Map<String, Object>) step.get("customerToAgentMs");
                Map<String, Object> ac = (Map<String, Object>) step.get("agentToCustomerMs");
                StringBuilder cpu = new StringBuilder();
                ((Map<String, Object>) step.get("processes")).forEach((name, usage) -> cpu.append(name
                        .replace("-service", "").replace("agent-", "")).append(' ')
                        .append(((Map<String, Object>) usage).get("cpuPercentOfOneCore")).append(' '));
                out.append(String.format("  %5s %8s  %7s/%-8s %7s/%-8s %4s %3s  %s%n", step.get("rate"),
                        step.get("achievedMsgPerSec"), ca.get("p50"), ca.get("p99"), ac.get("p50"), ac.get("p99"),
                        step.get("notReceivedWithin10s"), step.get("duplicated"), cpu.toString().trim()));
            }
            Map<String, Object> first = steps.get(0);
            if (first.get("customerToAgentHopsMs") != null) {
                out.append("\n  customer -> agent per hop at ").append(first.get("rate")).append(" msg/s (p50/p99 ms): ");
                ((Map<String, Object>) first.get("customerToAgentHopsMs")).forEach((hop, value) -> out.append(hop)
                        .append(' ').append(((Map<String, Object>) value).get("p50")).append('/')
                        .append(((Map<String, Object>) value).get("p99")).append("  "));
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format("  %-38s %s%n", label, value));
    }

    /** p50 and p99 of both directions per paced rate, log scale, with the 250 ms limit. */
    @SuppressWarnings("unchecked")
    static void plot(Map<String, Object> report, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) report.get("steps");
        if (steps == null || steps.isEmpty()) {
            return;
        }
        int width = 900;
        int height = 500;
        int left = 70;
        int right = 180;
        int top = 40;
        int bottom = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double minMs = 1;
        double maxMs = 100_000;
        int plotWidth = width - left - right;
        int plotHeight = height - top - bottom;
        java.util.function.DoubleUnaryOperator y = ms -> top + plotHeight
                - (Math.log10(Math.max(minMs, Math.min(maxMs, ms))) - Math.log10(minMs))
                / (Math.log10(maxMs) - Math.log10(minMs)) * plotHeight;
        java.util.function.IntToDoubleFunction x = i -> left + (steps.size() == 1 ? plotWidth / 2.0
                : i * (double) plotWidth / (steps.size() - 1));
        g.setColor(new Color(230, 230, 230));
        for (double ms = 1; ms <= maxMs; ms *= 10) {
            int yy = (int) y.applyAsDouble(ms);
            g.drawLine(left, yy, left + plotWidth, yy);
            g.setColor(Color.DARK_GRAY);
            g.drawString((ms >= 1000 ? (int) (ms / 1000) + " s" : (int) ms + " ms"), 10, yy + 4);
            g.setColor(new Color(230, 230, 230));
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(left, top, plotWidth, plotHeight);
        for (int i = 0; i < steps.size(); i++) {
            String label = String.valueOf(steps.get(i).get("rate"));
            g.drawString(label, (int) x.applyAsDouble(i) - g.getFontMetrics().stringWidth(label) / 2,
                    top + plotHeight + 18);
        }
        g.drawString("paced rate (messages per second, both ways)", left + plotWidth / 2 - 130, height - 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        g.drawString("Message latency by paced rate (" + machine.get("cores") + " cores, stack and load generator "
                + "together)", left, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(new Color(200, 0, 0));
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        int limit = (int) y.applyAsDouble(LoadBench.P99_LIMIT_MS);
        g.drawLine(left, limit, left + plotWidth, limit);
        g.drawString("p99 limit 250 ms", left + plotWidth + 10, limit + 4);
        Object[][] series = {
            {"customerToAgentMs", "p50", new Color(31, 119, 180), "customer->agent p50", false},
            {"customerToAgentMs", "p99", new Color(31, 119, 180), "customer->agent p99", true},
            {"agentToCustomerMs", "p50", new Color(255, 127, 14), "agent->customer p50", false},
            {"agentToCustomerMs", "p99", new Color(255, 127, 14), "agent->customer p99", true},
        };
        int legend = top + 30;
        for (Object[] one : series) {
            g.setColor((Color) one[2]);
            g.setStroke((boolean) one[4] ? new BasicStroke(2.5f) : new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
            Double previousX = null;
            Double previousY = null;
            for (int i = 0; i < steps.size(); i++) {
                Object value = ((Map<String, Object>) steps.get(i).get(one[0])).get(one[1]);
                if (value == null) {
                    continue;
                }
                double px = x.applyAsDouble(i);
                double py = y.applyAsDouble(((Number) value).doubleValue());
                g.fillOval((int) px - 3, (int) py - 3, 6, 6);
                if (previousX != null) {
                    g.drawLine(previousX.intValue(), previousY.intValue(), (int) px, (int) py);
                }
                previousX = px;
                previousY = py;
            }
            g.drawLine(left + plotWidth + 10, legend, left + plotWidth + 35, legend);
            g.drawString((String) one[3], left + plotWidth + 40, legend + 4);
            legend += 20;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Long memoryGb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
