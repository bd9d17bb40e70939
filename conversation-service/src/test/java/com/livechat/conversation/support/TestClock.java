package com.livechat.conversation.support;

import com.livechat.testsupport.MutableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The conversation service's clock in its {@code @QuarkusTest}s: a {@link MutableClock} (it replaces the system
 * clock, the default bean), so a test of the customer-inactivity deadlines moves time forward and lets the next scan
 * see it, instead of sleeping. Other tests never move it, and it runs with the system clock.
 */
@ApplicationScoped
public class TestClock {

    @Produces
    @Singleton
    MutableClock clock() {
        return new MutableClock();
    }
}
