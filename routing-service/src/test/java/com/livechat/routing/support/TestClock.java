package com.livechat.routing.support;

import com.livechat.testsupport.MutableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The routing service's clock in its {@code @QuarkusTest}s: a {@link MutableClock} (it replaces the system clock, the
 * default bean), so a test of a deadline moves time forward and lets the next scan see it, instead of sleeping.
 */
@ApplicationScoped
public class TestClock {

    @Produces
    @Singleton
    MutableClock clock() {
        return new MutableClock();
    }
}
