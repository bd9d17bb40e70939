package com.livechat.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Takes one test database away, as a PostgreSQL restart or fail-over would: no new connection is accepted and every
 * open one is terminated (the service sees its connections close, then FATAL 55000 on each reconnect). Only the
 * named database is touched: other modules' tests run on the same server, so name your module's own.
 * {@link #close()} lets connections in again; use a try-with-resources so the database always comes back.
 */
public final class DatabaseOutage implements AutoCloseable {

    private static final Duration TERMINATION_TIMEOUT = Duration.ofSeconds(30);

    private final PostgresServer server = PostgresServer.fromEnvironment();
    private final String database;

    private DatabaseOutage(String database) {
        if (!database.matches("livechat_[a-z]+_test")) {
            throw new IllegalArgumentException("Only a module's own test database may be taken away: " + database);
        }
        this.database = database;
    }

    /** Refuses new connections to {@code database} and returns once none is left open. */
    public static DatabaseOutage begin(String database) {
        DatabaseOutage outage = new DatabaseOutage(database);
        try {
            outage.execute("alter database " + database + " allow_connections false");
            outage.terminateConnections();
        } catch (RuntimeException e) {
            outage.close();
            throw e;
        }
        return outage;
    }

    /** The database accepts connections again. */
    @Override
    public void close() {
        execute("alter database " + database + " allow_connections true");
    }

    private void terminateConnections() {
        long deadline = System.nanoTime() + TERMINATION_TIMEOUT.toNanos();
        try (Connection admin = server.admin();
             PreparedStatement terminate = admin.prepareStatement("select pg_terminate_backend(pid) "
                     + "from pg_stat_activity where datname = ? and pid <> pg_backend_pid()");
             PreparedStatement count = admin.prepareStatement(
                     "select count(*) from pg_stat_activity where datname = ?")) {
            terminate.setString(1, database);
            count.setString(1, database);
            while (true) {
                terminate.execute();
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Connections to " + database + " are still open");
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not terminate the connections to " + database, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection admin = server.admin(); Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run: " + sql, e);
        }
    }
}
