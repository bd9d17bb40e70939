package com.livechat.platform.failure;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static com.livechat.platform.failure.FailureKind.DETERMINISTIC;
import static com.livechat.platform.failure.FailureKind.INFRASTRUCTURE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureKindTest {

    private static PgException pg(String severity, String sqlState) {
        return new PgException("failure " + sqlState, severity, sqlState, null);
    }

    @Test
    void theServerGoingAwayIsInfrastructure() {
        assertEquals(INFRASTRUCTURE, FailureKind.of(pg("FATAL", "57P01")), "admin shutdown");
        assertEquals(INFRASTRUCTURE, FailureKind.of(pg("FATAL", "57P03")), "cannot connect now");
        assertEquals(INFRASTRUCTURE, FailureKind.of(pg("FATAL", "53300")), "too many connections");
        assertEquals(INFRASTRUCTURE, FailureKind.of(pg("FATAL", "55000")), "database not accepting connections");
        assertEquals(INFRASTRUCTURE, FailureKind.of(pg("ERROR", "08006")), "connection failure");
        assertEquals(INFRASTRUCTURE, FailureKind.of(pg("ERROR", "57014")), "statement time-out");
        assertEquals(INFRASTRUCTURE, FailureKind.of(pg("ERROR", "40001")), "serialization failure");
        assertEquals(INFRASTRUCTURE, FailureKind.of(pg("ERROR", "40P01")), "deadlock");
        assertEquals(INFRASTRUCTURE, FailureKind.of(pg("ERROR", "55P03")), "lock not available");
        assertEquals(INFRASTRUCTURE, FailureKind.of(pg("ERROR", "53100")), "disk full");
    }

    @Test
    void lostConnectionsTimeOutsAndIoAreInfrastructure() {
        assertEquals(INFRASTRUCTURE, FailureKind.of(ClosedConnectionException.INSTANCE));
        assertEquals(INFRASTRUCTURE, FailureKind.of(new ConnectException("Connection refused")));
        assertEquals(INFRASTRUCTURE, FailureKind.of(new TimeoutException()));
        assertEquals(INFRASTRUCTURE, FailureKind.of(new VertxException("Connection was closed", true)));
        assertEquals(INFRASTRUCTURE, FailureKind.of(new VertxException("Timeout waiting for connection", true)));
        assertEquals(INFRASTRUCTURE, FailureKind.of(new IllegalStateException("Pool closed")));
        assertEquals(INFRASTRUCTURE, FailureKind.of(new NotEnoughReplicasException("broker")));
        assertEquals(INFRASTRUCTURE, FailureKind.of(new SQLException("gone", "08001")));
    }

    @Test
    void badDataAndConstraintsAreDeterministic() {
        assertEquals(DETERMINISTIC, FailureKind.of(pg("ERROR", "22021")), "NUL character");
        assertEquals(DETERMINISTIC, FailureKind.of(pg("ERROR", "22001")), "value too long");
        assertEquals(DETERMINISTIC, FailureKind.of(pg("ERROR", "23505")), "unique violation");
        assertEquals(DETERMINISTIC, FailureKind.of(pg("ERROR", "23503")), "foreign key");
        assertEquals(DETERMINISTIC, FailureKind.of(pg("ERROR", "42P01")), "undefined table: a bug, not an outage");
        assertEquals(DETERMINISTIC, FailureKind.of(new SQLException("bad", "22P02")));
    }

    @Test
    void refusalsBugsAndUnreadableDataAreDeterministic() {
        assertEquals(DETERMINISTIC, FailureKind.of(new IllegalArgumentException("refused")));
        assertEquals(DETERMINISTIC, FailureKind.of(new IllegalStateException("cannot go from A to B")));
        assertEquals(DETERMINISTIC, FailureKind.of(new NullPointerException()));
        assertEquals(DETERMINISTIC, FailureKind.of(new VertxException("Failed to decode: unexpected character")));
        assertEquals(DETERMINISTIC, FailureKind.of(new RecordTooLargeException("too large")));
    }

    @Test
    void theCauseDecidesWhenTheWrapperSaysNothing() {
        RuntimeException hibernate = new RuntimeException("HR000057: could not execute statement",
                new SQLException("wrapped", "22021", pg("ERROR", "22021")));
        assertEquals(DETERMINISTIC, FailureKind.of(new CompletionException(hibernate)));
        assertEquals(INFRASTRUCTURE, FailureKind.of(new CompletionException(
                new RuntimeException("could not open", pg("FATAL", "57P01")))));
        assertEquals(INFRASTRUCTURE, FailureKind.of(new RuntimeException(ClosedConnectionException.INSTANCE)));
    }

    @Test
    void theSqlStateIsFoundUnderWrappers() {
        assertEquals(Optional.of("22021"), FailureKind.sqlState(new CompletionException(
                new RuntimeException("HR000057", pg("ERROR", "22021")))));
        assertEquals(Optional.of("23505"), FailureKind.sqlState(new SQLException("duplicate", "23505")));
        assertEquals(Optional.empty(), FailureKind.sqlState(new IllegalStateException("no database involved")));
    }

    @Test
    void aServiceStoppingIsNeverARefusal() {
        assertEquals(INFRASTRUCTURE, FailureKind.of(new UntilDecided.StoppedBeforeDecided("command 1",
                pg("ERROR", "22021"))));
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertEquals(DETERMINISTIC, FailureKind.of(first));
    }
}
