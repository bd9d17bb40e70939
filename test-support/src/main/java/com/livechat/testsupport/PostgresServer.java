package com.livechat.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the services use, reached as an administrator to create their roles and databases.
 * Defaults to 127.0.0.1:5432 as {@code postgres}; {@code LIVECHAT_PG_HOST}, {@code LIVECHAT_PG_PORT},
 * {@code LIVECHAT_PG_ADMIN_USER} and {@code LIVECHAT_PG_ADMIN_PASSWORD} override.
 */
public record PostgresServer(String host, int port, String adminUser, String adminPassword) {

    public static PostgresServer fromEnvironment() {
        return new PostgresServer(
                env("LIVECHAT_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("LIVECHAT_PG_PORT", "5432")),
                env("LIVECHAT_PG_ADMIN_USER", "postgres"),
                env("LIVECHAT_PG_ADMIN_PASSWORD", ""));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Fails with the steps to get PostgreSQL when it cannot be reached. */
    public void checkReachable() {
        try (Connection ignored = admin()) {
            // Reached and authenticated.
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    PostgreSQL is not reachable at %s:%d as '%s' (%s).
                    Start it, or install it on Debian/Ubuntu with:
                        sudo apt-get install -y postgresql
                        sudo pg_ctlcluster $(ls /etc/postgresql) main start
                    or point LIVECHAT_PG_HOST, LIVECHAT_PG_PORT, LIVECHAT_PG_ADMIN_USER and LIVECHAT_PG_ADMIN_PASSWORD
                    at a server where that user may create roles and databases."""
                    .formatted(host, port, adminUser, e.getMessage()), e);
        }
    }

    /** Drops {@code database} if it exists and creates it empty, owned by the administrator. For tests. */
    public void recreateDatabase(String database) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + identifier(database) + " with (force)");
            statement.execute("create database " + identifier(database));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate database " + database, e);
        }
    }

    /** Creates the role (with this password) and the database it owns, keeping both if they exist. */
    public void ensureRoleAndDatabase(String role, String password, String database) {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", role)) {
                statement.execute("create role " + identifier(role) + " login password '" + password.replace("'", "''") + "'");
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                statement.execute("create database " + identifier(database) + " owner " + identifier(role));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create role " + role + " and database " + database, e);
        }
    }

    /** A connection to the {@code postgres} database as the administrator. */
    public Connection admin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), adminUser, adminPassword);
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
        return name;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
