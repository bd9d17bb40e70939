package com.livechat.gateway.api;

import com.livechat.gateway.domain.AccountRepository;
import com.livechat.gateway.domain.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses the token of a disabled account as soon as it is used, although it is still valid: every staff identity
 * (REST call or socket upgrade) is checked against the account table, so a disabled account gets 401 everywhere.
 * Customer tokens pass, and so does a staff token without an account row (the gateway issues tokens only to accounts).
 */
@ApplicationScoped
public class DisabledAccountCheck implements SecurityIdentityAugmentor {

    private final AccountRepository accounts;

    public DisabledAccountCheck(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || Roles.STAFF.stream().noneMatch(identity::hasRole)) {
            return Uni.createFrom().item(identity);
        }
        return accounts.isDisabled(identity.getPrincipal().getName()).map(disabled -> {
            if (disabled) {
                throw new AuthenticationFailedException("The account " + identity.getPrincipal().getName() + " is disabled");
            }
            return identity;
        });
    }
}
