package com.livechat.platform.failure;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import org.apache.kafka.common.errors.RetriableException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What a failure of consuming a record says about the record: whether trying again later can succeed.
 *
 * <p>Only failures known to come from the surroundings (database or broker unreachable, restarting, overloaded, a
 * connection lost, a time-out, a transaction that lost a race) are {@link #INFRASTRUCTURE}: the record is fine and
 * must wait. Anything else is {@link #DETERMINISTIC}: a refusal, an illegal transition, data the database rejects
 * (SQLState class 22 or 23, such as a NUL character), a bug; retrying would fail the same way forever and block the
 * partition, so the consumer must decide the record now (refuse it, park it, or skip it, logged).
 */
public enum FailureKind {

    /** The record is fine; the database or the broker is not. Retry until it is back. */
    INFRASTRUCTURE,
    /** The record itself cannot be processed; retrying changes nothing. */
    DETERMINISTIC;

    /**
     * SQLState classes of failures caused by the server's condition, not by the statement: 08 connection exception,
     * 40 transaction rollback (serialization failure, deadlock), 53 insufficient resources (too many connections,
     * disk full), 57 operator intervention (admin shutdown 57P01, crash shutdown, cannot connect now, query
     * cancelled or statement time-out), 58 system error (I/O).
     */
    private static final Set<String> INFRASTRUCTURE_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** Lock not available (lock time-out): another transaction holds the row for now. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    public static boolean isDeterministic(Throwable failure) {
        return of(failure) == DETERMINISTIC;
    }

    public static boolean isInfrastructure(Throwable failure) {
        return of(failure) == INFRASTRUCTURE;
    }

    /** The SQLState PostgreSQL gave for {@code failure} or one of its causes (outermost first), if any. */
    public static Optional<String> sqlState(Throwable failure) {
        return Causes.first(failure, FailureKind::sqlStateOf);
    }

    /** Classifies {@code failure} by the first of its causes (outermost first) that says something definite. */
    public static FailureKind of(Throwable failure) {
        return Causes.first(failure, FailureKind::ofOne).orElse(DETERMINISTIC);
    }

    private static FailureKind ofOne(Throwable failure) {
        if (failure instanceof UntilDecided.StoppedBeforeDecided) {
            return INFRASTRUCTURE;
        }
        if (failure instanceof PgException pg && isSessionEnding(pg.getSeverity())) {
            // The server ended or refused the session itself (shut down, not accepting connections, too many
            // connections): nothing to do with the statement.
            return INFRASTRUCTURE;
        }
        String sqlState = sqlStateOf(failure);
        if (sqlState != null) {
            return INFRASTRUCTURE_SQL_STATE_CLASSES.contains(sqlState.substring(0, 2))
                    || LOCK_NOT_AVAILABLE.equals(sqlState) ? INFRASTRUCTURE : DETERMINISTIC;
        }
        if (failure instanceof ClosedConnectionException || failure instanceof IOException
                || failure instanceof TimeoutException || failure instanceof RetriableException) {
            return INFRASTRUCTURE;
        }
        if (failure instanceof VertxException && !(failure instanceof DatabaseException)
                && mentionsConnection(failure.getMessage())) {
            // Vert.x reports "Connection was closed", "Timeout waiting for connection"... without a finer type.
            return INFRASTRUCTURE;
        }
        if (failure instanceof IllegalStateException && "Pool closed".equals(failure.getMessage())) {
            return INFRASTRUCTURE;
        }
        return null;
    }

    private static String sqlStateOf(Throwable failure) {
        String sqlState = failure instanceof DatabaseException database ? database.getSqlState()
                : failure instanceof SQLException sql ? sql.getSQLState() : null;
        return sqlState != null && sqlState.length() == 5 ? sqlState : null;
    }

    private static boolean isSessionEnding(String severity) {
        return "FATAL".equals(severity) || "PANIC".equals(severity);
    }

    private static boolean mentionsConnection(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("connection") || lower.contains("closed") || lower.contains("timeout")
                || lower.contains("timed out");
    }
}
