package com.livechat.gateway.auth;

import com.livechat.gateway.refusal.Refusal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A login with an account's credentials: throttled ({@link LoginThrottle}), then the password checked, then a token
 * issued to an enabled account. Refuses with {@code BAD_CREDENTIALS} (unknown user and wrong password alike),
 * {@code ACCOUNT_DISABLED} (only with the right password) or {@link LoginThrottled}.
 */
@ApplicationScoped
public class Logins {

    /** A successful login: the account and its new token. */
    public record LoggedIn(Account account, TokenIssuer.IssuedToken token) {
    }

    private final AccountRepository accounts;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;

    public Logins(AccountRepository accounts, TokenIssuer tokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    public Uni<LoggedIn> login(String username, String password, String address) {
        // The attempt counts as a failure from the start; only the right password takes it back.
        return throttle.begin(username, address)
                .chain(attempt -> accounts.authenticate(username, password).chain(account -> account.isEmpty()
                        ? Uni.createFrom().<LoggedIn>failure(new Refusal(Refusal.Kind.UNAUTHENTICATED,
                                "BAD_CREDENTIALS", "Unknown user or wrong password."))
                        : throttle.succeeded(attempt).map(ignored -> issue(account.get()))));
    }

    private LoggedIn issue(Account found) {
        if (found.disabled) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ACCOUNT_DISABLED", "This account is disabled.");
        }
        return new LoggedIn(found, tokens.forAccount(found));
    }
}
