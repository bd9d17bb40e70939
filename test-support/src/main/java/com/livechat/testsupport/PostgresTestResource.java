package com.livechat.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a fresh, empty database on the real PostgreSQL server, named by the
 * {@code database} init argument (one per service, so modules never share one).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("PostgresTestResource needs a 'database' init argument");
        }
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.fromEnvironment();
        server.checkReachable();
        server.recreateDatabase(database);
        return Map.of(
                "quarkus.datasource.username", server.adminUser(),
                "quarkus.datasource.password", server.adminPassword(),
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database));
    }

    @Override
    public void stop() {
        // The database is kept for inspection after the run; the next run recreates it.
    }
}
