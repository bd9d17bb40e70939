package com.livechat.gateway.auth;

import com.livechat.gateway.config.GatewayConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Signs the gateway's RS256 tokens: agents' after login, customers' for one conversation. */
@ApplicationScoped
public class TokenIssuer {

    /** The claim naming the only conversation a customer token is good for. */
    public static final String CONVERSATION_CLAIM = "conversationId";

    /** The claim holding the account's credentials version when a staff token was issued. */
    public static final String CREDENTIALS_VERSION_CLAIM = "credentialsVersion";

    public record IssuedToken(String token, Instant expiresAt) {
    }

    private final GatewayConfig config;
    private final Clock clock;

    public TokenIssuer(GatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public IssuedToken forAccount(Account account) {
        Instant expiresAt = clock.instant().plus(config.token().lifetime());
        String token = Jwt.issuer(config.token().issuer())
                .subject(account.agentId)
                .upn(account.agentId)
                .groups(new HashSet<>(account.roleList()))
                .claim("name", account.displayName)
                .claim(CREDENTIALS_VERSION_CLAIM, account.credentialsVersion)
                .expiresAt(expiresAt)
                .sign();
        return new IssuedToken(token, expiresAt);
    }

    public IssuedToken forCustomer(String conversationId) {
        Instant expiresAt = clock.instant().plus(config.token().customerLifetime());
        String token = Jwt.issuer(config.token().issuer())
                .subject("customer:" + conversationId)
                .upn("customer:" + conversationId)
                .groups(Set.of(Roles.CUSTOMER))
                .claim(CONVERSATION_CLAIM, conversationId)
                .expiresAt(expiresAt)
                .sign();
        return new IssuedToken(token, expiresAt);
    }
}
