package com.livechat.gateway.socket;

import com.livechat.contracts.json.EventJson;
import com.livechat.gateway.projection.SupervisionStore;
import com.livechat.gateway.socket.frame.ServerFrame;
import com.livechat.gateway.socket.frame.SharedFrame;
import com.livechat.gateway.socket.frame.SupervisorFrame;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pushes the figures to the supervisor sockets of this instance: the whole overview on connect, then, when a
 * committed event changed something ({@link #changed()}), again at most once per
 * {@code livechat.gateway.supervision.push-interval}, computed once for all the sockets. Every instance reads every
 * event, so each one's supervisors are told. Durations (longest wait, time in state) grow between pushes: the
 * console counts them on from the instants the frame carries.
 */
@ApplicationScoped
public class SupervisorPush {

    private static final Logger LOG = Logger.getLogger(SupervisorPush.class);

    private final OpenConnections connections;
    private final SupervisionStore supervision;
    private final AtomicBoolean changed = new AtomicBoolean();

    public SupervisorPush(OpenConnections connections, SupervisionStore supervision) {
        this.connections = connections;
        this.supervision = supervision;
    }

    /** Something the figures are made of was committed. */
    public void changed() {
        changed.set(true);
    }

    Uni<Void> snapshot(WebSocketConnection connection) {
        return supervision.current().chain(overview -> send(connection, new SupervisorFrame.Overview(overview)));
    }

    Uni<Void> send(WebSocketConnection connection, ServerFrame frame) {
        return connection.sendText(EventJson.write(frame))
                .onFailure().recoverWithItem(error -> {
                    LOG.debugf("Supervisor frame not sent (socket closing): %s", error.getMessage());
                    return null;
                });
    }

    @Scheduled(identity = "supervisor-push", every = "${livechat.gateway.supervision.push-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> push() {
        List<WebSocketConnection> sockets = List.copyOf(connections.findByEndpointId(SupervisorSocket.ENDPOINT_ID));
        if (sockets.isEmpty() || !changed.getAndSet(false)) {
            return Uni.createFrom().voidItem();
        }
        return supervision.current()
                .chain(overview -> Multi.createFrom().iterable(sockets)
                        .onItem().transformToUniAndMerge(socket -> send(socket, new SupervisorFrame.Overview(overview)))
                        .collect().last().replaceWithVoid())
                .onFailure().recoverWithItem(error -> {
                    // The database is unavailable: try again at the next round.
                    changed.set(true);
                    LOG.warnf("Supervisor figures not pushed: %s", error.getMessage());
                    return null;
                });
    }

    static SharedFrame.Error readOnly() {
        return SharedFrame.Error.of(null, null, "READ_ONLY_SOCKET",
                "The supervisor socket takes no frames; it only pushes the figures.");
    }
}
