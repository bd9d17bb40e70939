package com.livechat.gateway.socket;

import com.livechat.gateway.auth.AccountRepository;
import com.livechat.gateway.auth.AccountRepository.TokenState;
import com.livechat.gateway.auth.RevokedTokenCheck;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Closes the agent sockets opened with a token that has since been revoked ({@link RevokedTokenCheck}): a socket is
 * checked when it opens, and a disabled account or a changed password must not keep receiving chats on it. Runs on
 * the instance that made the change right after it, and on every instance periodically, since each holds its own
 * sockets. The close code tells the desktop to ask for a new login instead of reconnecting. The same check closes,
 * with the same code, the agent sockets whose token has expired since they opened (REST answers 401 to that token
 * already): within {@code livechat.gateway.socket.revocation-check-interval} of the token's {@code exp}.
 */
@ApplicationScoped
public class RevokedSocketCloser {

    /** In the application range (4000-4999): 4401 reads as "unauthorized", like the HTTP status. */
    public static final CloseReason REVOKED = new CloseReason(4401, "Signed out: the account was disabled or changed.");
    public static final CloseReason EXPIRED = new CloseReason(4401, "Signed out: the token has expired.");

    private static final Logger LOG = Logger.getLogger(RevokedSocketCloser.class);

    private final OpenConnections connections;
    private final AccountRepository accounts;
    private final Clock clock;

    public RevokedSocketCloser(OpenConnections connections, AccountRepository accounts, Clock clock) {
        this.connections = connections;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Scheduled(every = "${livechat.gateway.socket.revocation-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> periodically() {
        return closeRevokedOrLog().replaceWithVoid();
    }

    /**
     * {@link #closeRevoked()}, a failure logged instead of passed on: after an administrator's change is committed, a
     * failure to close the sockets must not answer 500; the periodic check closes them anyway.
     */
    public Uni<Integer> closeRevokedOrLog() {
        return closeRevoked()
                .onFailure().invoke(failure -> LOG.warnf("Checking open sockets for revoked tokens failed, will retry: %s",
                        failure.getMessage()))
                .onFailure().recoverWithItem(0);
    }

    /**
     * Closes this instance's agent and supervisor sockets whose token no longer holds (revoked or expired); returns
     * how many.
     */
    public Uni<Integer> closeRevoked() {
        List<WebSocketConnection> open = java.util.stream.Stream.concat(
                        connections.findByEndpointId(AgentSocket.ENDPOINT_ID).stream(),
                        connections.findByEndpointId(SupervisorSocket.ENDPOINT_ID).stream())
                .filter(WebSocketConnection::isOpen)
                .filter(connection -> connection.userData().get(SocketUpgradeCheck.AGENT_ID) != null)
                .toList();
        long now = clock.instant().getEpochSecond();
        Map<Boolean, List<WebSocketConnection>> byExpiry = open.stream()
                .collect(Collectors.partitioningBy(connection -> expired(connection, now)));
        List<WebSocketConnection> agentSockets = byExpiry.get(false);
        return closeEach(byExpiry.get(true), EXPIRED, "its token expired")
                .chain(expired -> closeRevoked(agentSockets).map(revoked -> expired + revoked));
    }

    private static boolean expired(WebSocketConnection connection, long nowEpochSecond) {
        Long expiresAt = connection.userData().get(SocketUpgradeCheck.TOKEN_EXPIRES_AT);
        return expiresAt != null && expiresAt > 0 && nowEpochSecond >= expiresAt;
    }

    private Uni<Integer> closeRevoked(List<WebSocketConnection> agentSockets) {
        Set<String> agentIds = agentSockets.stream()
                .map(connection -> connection.userData().get(SocketUpgradeCheck.AGENT_ID)).collect(Collectors.toSet());
        return accounts.tokenStates(agentIds).chain(states -> closeEach(revoked(agentSockets, states), REVOKED,
                "its token was revoked"));
    }

    private static List<WebSocketConnection> revoked(Collection<WebSocketConnection> sockets,
            Map<String, TokenState> states) {
        return sockets.stream().filter(connection -> !TokenState.holds(
                states.get(connection.userData().get(SocketUpgradeCheck.AGENT_ID)),
                connection.userData().get(SocketUpgradeCheck.CREDENTIALS_VERSION))).toList();
    }

    private static Uni<Integer> closeEach(List<WebSocketConnection> sockets, CloseReason reason, String why) {
        if (sockets.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        sockets.forEach(connection -> LOG.infof("Closing a socket of %s: %s",
                connection.userData().get(SocketUpgradeCheck.AGENT_ID), why));
        return Uni.join().all(sockets.stream().map(connection -> connection.close(reason)).toList())
                .andCollectFailures().replaceWith(sockets.size());
    }
}
