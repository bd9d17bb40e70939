package com.livechat.testsupport.stack;

import com.livechat.testsupport.PostgresServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** The environment variables every Livechat service reads (see docs/architecture.md, "Configuration"). */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /** Port, broker and database settings for one service; add service-specific variables to the returned map. */
    public static Map<String, String> of(int httpPort, String kafkaBootstrap, PostgresServer postgres, String database,
            String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("DB_HOST", postgres.host());
        env.put("DB_PORT", Integer.toString(postgres.port()));
        env.put("DB_NAME", database);
        env.put("DB_USER", user);
        env.put("DB_PASSWORD", password);
        return env;
    }

    /** A TCP port free at the time of the call. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
