package com.livechat.gateway.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The gateway's one source of the current time, for everything whose behaviour depends on it (token and invitation
 * lifetimes, command timestamps, the sockets' rate limit). The system clock in UTC; tests supply a clock they can
 * move (any other {@link Clock} bean replaces this default one).
 */
@Singleton
public class GatewayClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
