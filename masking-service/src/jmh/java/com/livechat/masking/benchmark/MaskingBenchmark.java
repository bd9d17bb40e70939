package com.livechat.masking.benchmark;

import com.livechat.masking.domain.MaskingScope;
import com.livechat.masking.domain.SensitiveDataMasker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Single-thread throughput of the masker on realistic chat lines (80 % clean, 20 % with one finding), against a
 * plain regular-expression scan of the same lines as the baseline, in the same run. One operation is one chat line,
 * so JMH's ops/s are messages per second; {@link #main} adds MB/s (10^6 bytes of UTF-8 text per second) and the
 * masker's speed as a multiple of the baseline's. The masker reads phone numbers of the service's default regions.
 *
 * <p>Run with {@code ./mvnw -B -pl masking-service -Pbenchmark test} (JMH options in {@code -Djmh.args=...}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class MaskingBenchmark {

    static final int LINES = 2_000;
    private static final int CPU_WARM_UP_SECONDS = 5;
    private static final int CPU_MEASURED_SECONDS = 10;
    private static final long SEED = 42;

    /**
     * The regex a quick implementation would use: candidate cards, IBANs, SSNs, e-mails and phone numbers, with no
     * validation at all (no Luhn, no mod 97, no phone metadata).
     */
    private static final Pattern BASELINE = Pattern.compile(
            "\\b(?:\\d[ -]?){12,18}\\d\\b"
                    + "|\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b"
                    + "|\\b\\d{3}-\\d{2}-\\d{4}\\b"
                    + "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
                    + "|\\+ ?\\d[\\d ()-]{7,}\\d|\\(?\\b\\d{3}\\)?[ .-]?\\d{3}[ .-]\\d{4}\\b");

    private String[] lines;
    private SensitiveDataMasker masker;

    @Setup
    public void setUp() {
        lines = ChatLines.generate(LINES, SEED).toArray(String[]::new);
        masker = SensitiveDataMasker.withAllDetectors();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void masker(Blackhole blackhole) {
        for (String line : lines) {
            blackhole.consume(masker.mask(line, MaskingScope.EVERYTHING));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void regexBaseline(Blackhole blackhole) {
        for (String line : lines) {
            blackhole.consume(regexMask(line));
        }
    }

    /** Stars every match, as the masker stars its findings. */
    static String regexMask(String line) {
        Matcher matcher = BASELINE.matcher(line);
        if (!matcher.find()) {
            return line;
        }
        StringBuilder masked = new StringBuilder(line.length());
        int copied = 0;
        do {
            masked.append(line, copied, matcher.start()).append("*".repeat(matcher.end() - matcher.start()));
            copied = matcher.end();
        } while (matcher.find());
        return masked.append(line, copied, line.length()).toString();
    }

    /** Runs the benchmarks with JMH's command-line options, then prints messages/s and MB/s for each. */
    public static void main(String[] args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(options)
                .include(MaskingBenchmark.class.getName())
                .build()).run();

        List<String> corpus = ChatLines.generate(LINES, SEED);
        double bytesPerLine = corpus.stream().mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length)
                .average().orElseThrow();
        SensitiveDataMasker masker = SensitiveDataMasker.withAllDetectors();
        long withFindings = corpus.stream()
                .filter(line -> !masker.mask(line, MaskingScope.EVERYTHING).findings().isEmpty()).count();
        System.out.printf("%nChat lines: %d, %.1f bytes on average, %d with a finding (%.0f %%), 1 thread%n",
                corpus.size(), bytesPerLine, withFindings, 100.0 * withFindings / corpus.size());
        System.out.printf("%-15s %15s %10s %10s%n", "benchmark", "messages/s", "+/-", "MB/s");
        Map<String, Double> megabytesPerSecond = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceFirst(".*\\.", "");
            double messagesPerSecond = result.getPrimaryResult().getScore();
            megabytesPerSecond.put(name, messagesPerSecond * bytesPerLine / 1_000_000);
            System.out.printf("%-15s %15.0f %10.0f %10.2f%n", name, messagesPerSecond,
                    result.getPrimaryResult().getScoreError(), megabytesPerSecond.get(name));
        }
        if (megabytesPerSecond.containsKey("masker") && megabytesPerSecond.containsKey("regexBaseline")) {
            System.out.printf("masker / regexBaseline: %.2f x%n",
                    megabytesPerSecond.get("masker") / megabytesPerSecond.get("regexBaseline"));
        }
        printCpuTimeThroughput(corpus, bytesPerLine, masker);
    }

    /**
     * JMH measures wall-clock time, which on a machine shared with other busy processes also counts the time the
     * thread waited for a core. This measures the same work per second of the thread's own CPU time, which that
     * waiting does not change: the single-threaded speed the code has once it gets a core.
     */
    private static void printCpuTimeThroughput(List<String> corpus, double bytesPerLine, SensitiveDataMasker masker) {
        String[] lines = corpus.toArray(String[]::new);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%nPer second of the thread's CPU time (%d s warm-up, %d s measured each):%n",
                CPU_WARM_UP_SECONDS, CPU_MEASURED_SECONDS);
        double maskerSpeed = cpuTimeMegabytesPerSecond(threads, lines, bytesPerLine,
                line -> masker.mask(line, MaskingScope.EVERYTHING));
        double baselineSpeed = cpuTimeMegabytesPerSecond(threads, lines, bytesPerLine, MaskingBenchmark::regexMask);
        System.out.printf("%-15s %10.2f MB/s%n%-15s %10.2f MB/s%nmasker / regexBaseline: %.2f x%n",
                "masker", maskerSpeed, "regexBaseline", baselineSpeed, maskerSpeed / baselineSpeed);
    }

    private static double cpuTimeMegabytesPerSecond(ThreadMXBean threads, String[] lines, double bytesPerLine,
            Function<String, Object> work) {
        long sink = 0;
        for (long until = System.nanoTime() + CPU_WARM_UP_SECONDS * 1_000_000_000L; System.nanoTime() < until; ) {
            for (String line : lines) {
                sink += work.apply(line).hashCode();
            }
        }
        long rounds = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (long until = System.nanoTime() + CPU_MEASURED_SECONDS * 1_000_000_000L; System.nanoTime() < until;
                rounds++) {
            for (String line : lines) {
                sink += work.apply(line).hashCode();
            }
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (sink == 42) {
            System.out.print("");   // keeps the results alive
        }
        return rounds * lines.length * bytesPerLine / cpuSeconds / 1_000_000;
    }
}
