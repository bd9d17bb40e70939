package com.livechat.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock of a service: inject {@link Clock} wherever the time decides something (a deadline, an instant that
 * is stored or published), never {@code Instant.now()}. The system clock in UTC; a test replaces it by producing
 * another {@code Clock} bean (this one is the default only), for instance a clock it moves forward instead of waiting.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
