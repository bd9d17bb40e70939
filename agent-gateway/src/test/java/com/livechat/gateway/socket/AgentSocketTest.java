package com.livechat.gateway.socket;

import com.livechat.gateway.config.GatewayConfig;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The connect race: the hello's snapshot must be read only once the socket's stream is visible to live pushes.
 * Read before, an offer committed between the read and the stream becoming visible would be neither in the hello
 * nor pushed: the agent would never see it and go to RONA.
 */
class AgentSocketTest {

    @Test
    void theHelloReadsItsSnapshotOnlyOnceLivePushesReachTheStream() {
        UserData userData = new MapUserData();
        userData.put(SocketUpgradeCheck.AGENT_ID, "alice");
        userData.put(SocketUpgradeCheck.AGENT_NAME, "Alice");
        AtomicReference<ClientStream> helloStream = new AtomicReference<>();
        AtomicReference<ClientStream> visibleAtHello = new AtomicReference<>();
        AgentSnapshot snapshot = new AgentSnapshot(null, null, null, null) {
            @Override
            public Uni<Void> hello(ClientStream stream, String displayName) {
                // The moment the snapshot query would be issued: what can a live push find now?
                visibleAtHello.set(userData.get(ClientStream.KEY));
                helloStream.set(stream);
                return Uni.createFrom().voidItem();
            }
        };

        new AgentSocket(config(), snapshot, null, Clock.systemUTC()).onOpen(connection(userData));

        await().atMost(Duration.ofSeconds(5)).until(() -> helloStream.get() != null);
        assertNotNull(visibleAtHello.get(), "the stream was not visible to live pushes when the hello read its snapshot");
        assertSame(helloStream.get(), visibleAtHello.get());
    }

    private static WebSocketConnection connection(UserData userData) {
        return (WebSocketConnection) Proxy.newProxyInstance(AgentSocketTest.class.getClassLoader(),
                new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "userData" -> userData;
                    case "id" -> "test-connection";
                    case "isClosed" -> false;
                    case "isOpen" -> true;
                    case "sendText" -> Uni.createFrom().voidItem();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static GatewayConfig config() {
        GatewayConfig.Socket socket = (GatewayConfig.Socket) Proxy.newProxyInstance(AgentSocketTest.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.Socket.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "rateLimitBurst" -> 20;
                    case "rateLimitPerSecond" -> 10.0;
                    case "resumeWindow" -> Duration.ofMillis(10);
                    case "maxFrameBytes" -> 16384;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (GatewayConfig) Proxy.newProxyInstance(AgentSocketTest.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "socket" -> socket;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The connection's user data, as websockets-next keeps it: a map by key name. */
    private static final class MapUserData implements UserData {

        private final Map<String, Object> values = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <VALUE> VALUE get(TypedKey<VALUE> key) {
            return (VALUE) values.get(key.value());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <VALUE> VALUE put(TypedKey<VALUE> key, VALUE value) {
            return (VALUE) values.put(key.value(), value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <VALUE> VALUE remove(TypedKey<VALUE> key) {
            return (VALUE) values.remove(key.value());
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public void clear() {
            values.clear();
        }
    }
}
