package com.livechat.platform.failure;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps an expected shutdown outcome out of the ERROR lines operators alert on. A record still waiting when the
 * service stops fails with {@link UntilDecided.StoppedBeforeDecided} on purpose (its offset stays uncommitted and it
 * is decided after the restart: nothing is lost), but Reactive Messaging reports every failed record as an ERROR with
 * a stack trace ("Error Occurred After Shutdown"), once per consumer that had one in flight, plus the Kafka
 * connector's "nacked, fail-stop" line ({@value #NACKED_FAIL_STOP}, which carries no exception) for each record of
 * the batch. This filter rewrites those records, and only those, as INFO lines without the stack trace: a record
 * whose failure is {@code StoppedBeforeDecided}, and a fail-stop nack once the service is stopping. Every other
 * record passes unchanged.
 *
 * <p>Installed on the console handler by {@code quarkus.log.console.filter=livechat-stopping-quietly} in each
 * service's configuration.
 */
@LoggingFilter(name = StoppingQuietly.NAME)
public final class StoppingQuietly implements Filter {

    public static final String NAME = "livechat-stopping-quietly";
    /** The Kafka connector's message id for a nacked record that stops the channel (failure-strategy=fail). */
    static final String NACKED_FAIL_STOP = "SRMSG18203";

    @Override
    public boolean isLoggable(LogRecord record) {
        return isLoggable(record, UntilDecided.serviceStopping());
    }

    boolean isLoggable(LogRecord record, boolean serviceStopping) {
        if (record.getLevel().intValue() <= Level.INFO.intValue()) {
            return true;
        }
        Throwable stopped = stoppedBeforeDecided(record.getThrown());
        if (stopped != null) {
            record.setLevel(Level.INFO);
            record.setMessage(stopped.getMessage());
            record.setParameters(null);
            record.setThrown(null);
        } else if (serviceStopping && record.getMessage() != null && record.getMessage().contains(NACKED_FAIL_STOP)) {
            record.setLevel(Level.INFO); // the record stays uncommitted and is decided after the restart
            record.setThrown(null);
        }
        return true;
    }

    /** The {@code StoppedBeforeDecided} in the chain of {@code thrown}, or null. */
    static Throwable stoppedBeforeDecided(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UntilDecided.StoppedBeforeDecided) {
                return cause;
            }
        }
        return null;
    }
}
