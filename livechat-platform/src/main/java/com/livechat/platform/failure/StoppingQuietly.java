package com.livechat.platform.failure;

import io.quarkus.logging.LoggingFilter;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps an expected shutdown outcome out of the ERROR lines operators alert on. A record still waiting when the
 * service stops fails with {@link UntilDecided.StoppedBeforeDecided} on purpose (its offset stays uncommitted and it
 * is decided after the restart: nothing is lost), but Reactive Messaging reports every failed record as an ERROR with
 * a stack trace ("Error Occurred After Shutdown"), once per consumer that had one in flight. This filter rewrites such
 * a record, and only such a record, as one INFO line without the stack trace. Every other record passes unchanged.
 *
 * <p>Installed on the console handler by {@code quarkus.log.console.filter=livechat-stopping-quietly} in each
 * service's configuration.
 */
@LoggingFilter(name = StoppingQuietly.NAME)
public final class StoppingQuietly implements Filter {

    public static final String NAME = "livechat-stopping-quietly";

    @Override
    public boolean isLoggable(LogRecord record) {
        Throwable stopped = stoppedBeforeDecided(record.getThrown());
        if (stopped != null && record.getLevel().intValue() > Level.INFO.intValue()) {
            record.setLevel(Level.INFO);
            record.setMessage(stopped.getMessage());
            record.setParameters(null);
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
