package com.livechat.gateway.socket;

import com.livechat.gateway.config.GatewayConfig;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An open socket and the gateway's socket settings, without a server: for tests of the push side alone. */
final class FakeSockets {

    private FakeSockets() {
    }

    /** An open connection with {@code userData}, whose sent frames land in {@code sent}. */
    static WebSocketConnection connection(UserData userData, List<String> sent) {
        return (WebSocketConnection) Proxy.newProxyInstance(FakeSockets.class.getClassLoader(),
                new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "userData" -> userData;
                    case "id" -> "test-connection";
                    case "isClosed" -> false;
                    case "isOpen" -> true;
                    case "sendText" -> {
                        sent.add((String) args[0]);
                        yield Uni.createFrom().voidItem();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The socket settings of application.properties, with a short resume window. */
    static GatewayConfig config() {
        GatewayConfig.Socket socket = (GatewayConfig.Socket) Proxy.newProxyInstance(FakeSockets.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.Socket.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "rateLimitBurst" -> 20;
                    case "rateLimitPerSecond" -> 10.0;
                    case "resumeWindow" -> Duration.ofMillis(10);
                    case "maxFrameBytes" -> 16384;
                    case "maxResumeConversations" -> 20;
                    case "maxPerAccount" -> 10;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (GatewayConfig) Proxy.newProxyInstance(FakeSockets.class.getClassLoader(),
                new Class<?>[] {GatewayConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "socket" -> socket;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The connection's user data, as websockets-next keeps it: a map by key name. */
    static final class MapUserData implements UserData {

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
