package com.livechat.gateway.socket;

import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
        UserData userData = new FakeSockets.MapUserData();
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

        new AgentSocket(FakeSockets.config(), snapshot, null, Clock.systemUTC(), new StreamIndex())
                .onOpen(FakeSockets.connection(userData, new ArrayList<>()));

        await().atMost(Duration.ofSeconds(5)).until(() -> helloStream.get() != null);
        assertNotNull(visibleAtHello.get(), "the stream was not visible to live pushes when the hello read its snapshot");
        assertSame(helloStream.get(), visibleAtHello.get());
    }
}
