package com.livechat.gateway.support;

import com.livechat.testsupport.MutableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The gateway's clock in its {@code @QuarkusTest}s: a {@link MutableClock} (it replaces the platform's system clock,
 * the default bean), so a test that waits on the gateway's time moves it forward instead of sleeping.
 */
@ApplicationScoped
public class TestClock {

    @Produces
    @Singleton
    MutableClock clock() {
        return new MutableClock();
    }
}
