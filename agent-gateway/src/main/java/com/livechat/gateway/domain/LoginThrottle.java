package com.livechat.gateway.domain;

import com.livechat.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Slows down password guessing at {@code POST /api/auth/login}: too many failed logins for one user name, or from
 * one client address, within the window refuse further attempts (429) until the oldest of those failures leaves the
 * window, before any password is checked. The failures are kept in the database ({@code login_failure}), so every
 * instance behind a load balancer counts the same ones.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    private static final String USER = "user";
    private static final String ADDRESS = "address";

    private final Pool pool;
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final long windowMillis;

    public LoginThrottle(Pool pool, GatewayConfig config) {
        this.pool = pool;
        GatewayConfig.Login login = config.login();
        this.maxFailuresPerUser = login.maxFailuresPerUser();
        this.maxFailuresPerAddress = login.maxFailuresPerAddress();
        this.windowMillis = login.failureWindow().toMillis();
    }

    /** Fails with {@link LoginThrottledException} when this user or this address must wait. */
    public Uni<Void> check(String username, String address) {
        return Uni.combine().all().unis(retryAfter(USER, username, maxFailuresPerUser),
                        retryAfter(ADDRESS, address, maxFailuresPerAddress))
                .with((userWait, addressWait) -> userWait.compareTo(addressWait) >= 0 ? userWait : addressWait)
                .invoke(wait -> {
                    if (!wait.isZero()) {
                        throw new LoginThrottledException(wait);
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Void> failed(String username, String address) {
        return pool.preparedQuery("insert into login_failure (kind, subject) values ($1, $2)")
                .executeBatch(List.of(Tuple.of(USER, username), Tuple.of(ADDRESS, address)))
                .replaceWithVoid();
    }

    /** The right password: the user's count starts again (the address's does not, or one's own account would reset it). */
    public Uni<Void> succeeded(String username) {
        return pool.preparedQuery("delete from login_failure where kind = $1 and subject = $2")
                .execute(Tuple.of(USER, username))
                .replaceWithVoid();
    }

    /**
     * How long {@code subject} must wait: when it has {@code maxFailures} failures in the window, until the oldest of
     * its last {@code maxFailures} leaves the window; zero otherwise.
     */
    private Uni<Duration> retryAfter(String kind, String subject, int maxFailures) {
        return pool.preparedQuery("""
                        select ceil(extract(epoch from failed_at + $3::bigint * interval '1 millisecond' - now()) * 1000)::bigint as wait
                        from login_failure
                        where kind = $1 and subject = $2 and failed_at > now() - $3::bigint * interval '1 millisecond'
                        order by failed_at desc offset $4 limit 1""")
                .execute(Tuple.of(kind, subject, windowMillis, maxFailures - 1))
                .map(rows -> rows.size() == 0 ? Duration.ZERO
                        : Duration.ofMillis(Math.max(0, rows.iterator().next().getLong("wait"))));
    }

    /** Every instance runs it; the delete is idempotent. */
    @Scheduled(every = "${livechat.gateway.login.failure-window}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetOldFailures() {
        return pool.preparedQuery("delete from login_failure where failed_at <= now() - $1::bigint * interval '1 millisecond'")
                .execute(Tuple.of(windowMillis))
                .onFailure().invoke(failure -> LOG.warnf("Deleting old login failures failed, will retry: %s",
                        failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
