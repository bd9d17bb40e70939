package com.livechat.platform.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness check {@value #NAME}: whether the service's own PostgreSQL database answers a query within 2 s (see
 * {@link BrokerReadiness}).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    public static final String NAME = "database";

    private final Pool pool;

    public DatabaseReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("select 1").execute()
                .replaceWith(() -> HealthCheckResponse.named(NAME).up().build())
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .onFailure().recoverWithItem(() -> HealthCheckResponse.named(NAME).down()
                        .withData("error", "the PostgreSQL database does not answer").build());
    }
}
