package com.livechat.gateway.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a staff token that is still valid but revoked: its account is disabled, or an administrator changed its
 * password or roles (or disabled and enabled it again) after the token was issued. Every staff identity (REST call or socket upgrade) is checked
 * against the account table, so such a token gets 401 everywhere at once; {@code socket.RevokedSocketCloser} closes the
 * sockets already open with it. Customer tokens pass.
 */
@ApplicationScoped
public class RevokedTokenCheck implements SecurityIdentityAugmentor {

    private final AccountRepository accounts;

    public RevokedTokenCheck(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || Roles.STAFF.stream().noneMatch(identity::hasRole)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return accounts.acceptsToken(token.getName(), TokenClaims.credentialsVersion(token)).map(accepted -> {
            if (!accepted) {
                throw new AuthenticationFailedException("The token of " + token.getName()
                        + " was revoked (account disabled or changed)");
            }
            return identity;
        });
    }
}
