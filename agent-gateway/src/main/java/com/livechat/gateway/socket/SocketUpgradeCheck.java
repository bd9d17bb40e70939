package com.livechat.gateway.socket;

import com.livechat.gateway.auth.Roles;
import com.livechat.gateway.auth.TokenClaims;
import io.quarkus.security.identity.SecurityIdentity;
import com.livechat.gateway.config.GatewayConfig;
import com.livechat.gateway.web.AllowedOrigins;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Lets a WebSocket upgrade through only with a valid token of the right kind: an agent's token for
 * {@code /ws/agent}, a supervisor's or administrator's for {@code /ws/supervisor}, the customer token of that very
 * conversation for {@code /ws/customer/{conversationId}}.
 * Anything else is refused before the socket exists (401 without a valid token, 403 with the wrong one). One account
 * (or one customer conversation) may hold at most {@code livechat.gateway.socket.max-per-account} sockets at once on
 * this instance; one more is refused with 429.
 */
@ApplicationScoped
public class SocketUpgradeCheck implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(SocketUpgradeCheck.class);

    static final UserData.TypedKey<String> AGENT_ID = UserData.TypedKey.forString("livechat.agentId");
    static final UserData.TypedKey<String> AGENT_NAME = UserData.TypedKey.forString("livechat.agentName");
    static final UserData.TypedKey<Integer> CREDENTIALS_VERSION = UserData.TypedKey.forInt("livechat.credentialsVersion");
    static final UserData.TypedKey<Boolean> SUPERVISES = UserData.TypedKey.forBoolean("livechat.supervises");
    /** The agent token's {@code exp} (epoch seconds): {@link RevokedSocketCloser} closes the socket once it passes. */
    static final UserData.TypedKey<Long> TOKEN_EXPIRES_AT = UserData.TypedKey.forLong("livechat.tokenExpiresAt");
    static final UserData.TypedKey<String> CONVERSATION_ID = UserData.TypedKey.forString("livechat.conversationId");

    private final OpenConnections connections;
    private final int maxPerAccount;

    private final AllowedOrigins origins;

    public SocketUpgradeCheck(OpenConnections connections, GatewayConfig config, AllowedOrigins origins) {
        this.connections = connections;
        this.origins = origins;
        this.maxPerAccount = config.socket().maxPerAccount();
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity()
                .map(identity -> decide(context, identity))
                .onFailure().recoverWithUni(failure -> refuseUnauthenticated(context, failure));
    }

    /**
     * A bad, expired, forged or revoked token. Quarkus' authentication failure handler has usually answered already
     * (401 with {@code WWW-Authenticate}); a rejection on top of that would set the status of a sent response, which
     * websockets-next logs as an ERROR with a stack trace. So only an unanswered upgrade gets the 401 here, and an
     * answered one ends the check with no result (nothing waits for it: the request is over).
     */
    private static Uni<CheckResult> refuseUnauthenticated(HttpUpgradeContext context, Throwable failure) {
        LOG.debugf("Socket upgrade refused (401): %s", failure.getMessage());
        if (context.httpRequest().response().headWritten()) {
            return Uni.createFrom().nothing();
        }
        return Uni.createFrom().item(CheckResult.rejectUpgradeSync(401));
    }

    private CheckResult decide(HttpUpgradeContext context, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return CheckResult.rejectUpgradeSync(401);
        }
        if (AgentSocket.ENDPOINT_ID.equals(context.endpointId())) {
            if (Roles.STAFF.stream().noneMatch(identity::hasRole)) {
                return CheckResult.rejectUpgradeSync(403);
            }
            if (atCapacity(AgentSocket.ENDPOINT_ID, AGENT_ID, token.getName())) {
                LOG.infof("Socket upgrade refused (429): %s already has %d sockets open", token.getName(), maxPerAccount);
                return CheckResult.rejectUpgradeSync(429);
            }
            context.userData().put(AGENT_ID, token.getName());
            context.userData().put(AGENT_NAME, TokenClaims.displayName(token));
            context.userData().put(CREDENTIALS_VERSION, TokenClaims.credentialsVersion(token));
            context.userData().put(SUPERVISES, identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.ADMIN));
            context.userData().put(TOKEN_EXPIRES_AT, token.getExpirationTime());
            return CheckResult.permitUpgradeSync();
        }
        if (SupervisorSocket.ENDPOINT_ID.equals(context.endpointId())) {
            if (!identity.hasRole(Roles.SUPERVISOR) && !identity.hasRole(Roles.ADMIN)) {
                return CheckResult.rejectUpgradeSync(403);
            }
            if (atCapacity(SupervisorSocket.ENDPOINT_ID, AGENT_ID, token.getName())) {
                LOG.infof("Socket upgrade refused (429): %s already has %d sockets open", token.getName(), maxPerAccount);
                return CheckResult.rejectUpgradeSync(429);
            }
            context.userData().put(AGENT_ID, token.getName());
            context.userData().put(AGENT_NAME, TokenClaims.displayName(token));
            context.userData().put(CREDENTIALS_VERSION, TokenClaims.credentialsVersion(token));
            context.userData().put(TOKEN_EXPIRES_AT, token.getExpirationTime());
            return CheckResult.permitUpgradeSync();
        }
        if (CustomerSocket.ENDPOINT_ID.equals(context.endpointId())) {
            String conversationId = context.pathParam("conversationId");
            if (!identity.hasRole(Roles.CUSTOMER) || conversationId == null
                    || !conversationId.equals(TokenClaims.conversationId(token))) {
                return CheckResult.rejectUpgradeSync(403);
            }
            if (!origins.allows(context.httpRequest().getHeader("Origin"), context.httpRequest().getHeader("Host"))) {
                LOG.infof("Socket upgrade refused (403): Origin %s is not allowed", context.httpRequest().getHeader("Origin"));
                return CheckResult.rejectUpgradeSync(403);
            }
            if (atCapacity(CustomerSocket.ENDPOINT_ID, CONVERSATION_ID, conversationId)) {
                LOG.infof("Socket upgrade refused (429): conversation %s already has %d sockets open", conversationId,
                        maxPerAccount);
                return CheckResult.rejectUpgradeSync(429);
            }
            context.userData().put(CONVERSATION_ID, conversationId);
            return CheckResult.permitUpgradeSync();
        }
        return CheckResult.rejectUpgradeSync(403);
    }

    private boolean atCapacity(String endpointId, UserData.TypedKey<String> key, String owner) {
        return connections.findByEndpointId(endpointId).stream()
                .filter(connection -> connection.isOpen() && owner.equals(connection.userData().get(key)))
                .limit(maxPerAccount).count() >= maxPerAccount;
    }
}
