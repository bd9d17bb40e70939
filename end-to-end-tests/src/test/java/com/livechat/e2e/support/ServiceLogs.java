package com.livechat.e2e.support;

import com.livechat.testsupport.stack.LivechatService;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The end-to-end services' logs ({@code end-to-end-tests/target/e2e-logs/*.log}, appended to by every start) read
 * over a time window: {@link #mark()} notes how far each log is, {@link #problemsSince(Mark)} returns the lines
 * written since then that an operator would be alerted by: {@code ERROR} lines and stack traces.
 */
public final class ServiceLogs {

    /** A line of a Java stack trace: a frame, its cause, the elided frames, or an exception's own first line. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "^\\s+at [\\w$./<>-]+\\(.*\\)\\s*$|^Caused by: |^\\s+\\.\\.\\. \\d+ more|^Suppressed: "
                    + "|^([a-z][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)(: .*)?$");

    /** How far each log file was at one instant. */
    public record Mark(Map<Path, Long> offsets) {
    }

    private ServiceLogs() {
    }

    public static Path directory() {
        return LivechatService.repositoryRoot().resolve("end-to-end-tests/target/e2e-logs");
    }

    /** Where each service log ends now. */
    public static Mark mark() {
        Map<Path, Long> offsets = new HashMap<>();
        for (Path log : logs()) {
            try {
                offsets.put(log, Files.size(log));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Mark(offsets);
    }

    /** The ERROR and stack-trace lines written since {@code mark}, each prefixed with its log's name. */
    public static List<String> problemsSince(Mark mark) {
        List<String> problems = new ArrayList<>();
        for (Path log : logs()) {
            for (String line : linesSince(log, mark.offsets().getOrDefault(log, 0L))) {
                if (isProblem(line)) {
                    problems.add(log.getFileName() + ": " + line);
                }
            }
        }
        return problems;
    }

    /** Whether an operator's alert would fire on {@code line}: an ERROR (or FATAL) line or a line of a stack trace. */
    public static boolean isProblem(String line) {
        return line.contains(" ERROR ") || line.contains(" FATAL ") || STACK_TRACE.matcher(line).find();
    }

    private static List<String> linesSince(Path log, long offset) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return List.of();
            }
            byte[] bytes = new byte[(int) (length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> logs() {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
