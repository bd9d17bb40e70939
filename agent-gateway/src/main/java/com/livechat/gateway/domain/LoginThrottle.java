package com.livechat.gateway.domain;

import com.livechat.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Slows down password guessing at {@code POST /api/auth/login}: too many failed logins for one user name, or from
 * one client address, within the window refuse further attempts (429) until the oldest failure leaves the window,
 * before any password is checked. Per instance: behind a load balancer each instance keeps its own counts.
 */
@ApplicationScoped
public class LoginThrottle {

    private final FailureLimiter byUser;
    private final FailureLimiter byAddress;

    public LoginThrottle(GatewayConfig config) {
        GatewayConfig.Login login = config.login();
        this.byUser = new FailureLimiter(login.maxFailuresPerUser(), login.failureWindow(), System::nanoTime);
        this.byAddress = new FailureLimiter(login.maxFailuresPerAddress(), login.failureWindow(), System::nanoTime);
    }

    /** Throws {@link LoginThrottledException} when this user or this address must wait. */
    public void check(String username, String address) {
        Duration wait = byUser.retryAfter(username);
        Duration addressWait = byAddress.retryAfter(address);
        if (addressWait.compareTo(wait) > 0) {
            wait = addressWait;
        }
        if (!wait.isZero()) {
            throw new LoginThrottledException(wait);
        }
    }

    public void failed(String username, String address) {
        byUser.failed(username);
        byAddress.failed(address);
    }

    /** The right password: the user's count starts again (the address's does not, or one's own account would reset it). */
    public void succeeded(String username) {
        byUser.clear(username);
    }
}
