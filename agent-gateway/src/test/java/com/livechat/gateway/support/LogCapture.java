package com.livechat.gateway.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records every log record the application writes while installed on the root logger (Quarkus logs through JBoss
 * LogManager, which is the JUL manager in a {@code @QuarkusTest}), so a test can assert what bad input logged.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    public static LogCapture onRootLogger() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** Records at ERROR (SEVERE) or above, or carrying a throwable (a stack trace in the log). */
    public List<String> errorsOrStackTraces() {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() || r.getThrown() != null)
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " / " + r.getThrown()))
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
