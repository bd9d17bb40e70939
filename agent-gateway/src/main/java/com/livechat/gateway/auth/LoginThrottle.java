package com.livechat.gateway.auth;

import com.livechat.gateway.config.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Slows down password guessing at {@code POST /api/auth/login}: too many failed logins for one user name from one
 * client address, or from one client address in all, within the window refuse further attempts (429) from that
 * address until the oldest of those failures leaves the window, before any password is checked. A user name is
 * counted per address, so that nobody can lock a user out by failing logins in their name from elsewhere: the user's
 * own address is not throttled by someone else's failures (unless they share it, as behind one NAT). The failures are kept in the database ({@code login_failure}), so every
 * instance behind a load balancer counts the same ones, and an attempt counts from its start, so parallel guesses
 * cannot all pass the check before the first of them fails. The window is measured on the database's clock
 * ({@code now()}), the one clock every instance shares, rather than on each instance's own.
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

    /**
     * A login attempt under way: its rows in {@code login_failure}, which stay there if the password is wrong;
     * {@code username} is the user name at the client address, as counted ({@link #userAt}).
     */
    public record Attempt(String username, long userRowId, long addressRowId) {
    }

    /** The subject of a user's failures: the user name and the client address ({@code "alice 203.0.113.9"}). */
    static String userAt(String username, String address) {
        return username + " " + address;
    }

    /**
     * Records the attempt as a failure before the password is checked, so that guesses sent in parallel count against
     * each other on every instance, then fails with {@link LoginThrottled} (and forgets the attempt) when
     * the user or the address already has too many failures in the window.
     */
    public Uni<Attempt> begin(String username, String address) {
        return pool.preparedQuery("insert into login_failure (kind, subject) values ($1, $2), ($3, $4) returning id, kind")
                .execute(Tuple.of(USER, userAt(username, address), ADDRESS, address))
                .map(rows -> {
                    long userRowId = 0;
                    long addressRowId = 0;
                    for (var row : rows) {
                        if (USER.equals(row.getString("kind"))) {
                            userRowId = row.getLong("id");
                        } else {
                            addressRowId = row.getLong("id");
                        }
                    }
                    return new Attempt(userAt(username, address), userRowId, addressRowId);
                })
                .chain(attempt -> Uni.combine().all()
                        .unis(retryAfter(USER, attempt.username(), maxFailuresPerUser, attempt.userRowId()),
                                retryAfter(ADDRESS, address, maxFailuresPerAddress, attempt.addressRowId()))
                        .with((userWait, addressWait) -> userWait.compareTo(addressWait) >= 0 ? userWait : addressWait)
                        .chain(wait -> wait.isZero() ? Uni.createFrom().item(attempt)
                                : forget(attempt).chain(() -> Uni.createFrom().failure(new LoginThrottled(wait)))));
    }

    /**
     * The right password: the user's count starts again, and the attempt's address row goes (the address's earlier
     * failures stay, or logging in to one's own account would reset them).
     */
    public Uni<Void> succeeded(Attempt attempt) {
        return pool.preparedQuery("delete from login_failure where (kind = $1 and subject = $2) or id = $3")
                .execute(Tuple.of(USER, attempt.username(), attempt.addressRowId()))
                .replaceWithVoid();
    }

    /** A refused attempt does not count: the wait stays what the failures before it made it. */
    private Uni<Void> forget(Attempt attempt) {
        return pool.preparedQuery("delete from login_failure where id = any($1)")
                .execute(Tuple.of(new Long[] {attempt.userRowId(), attempt.addressRowId()}))
                .replaceWithVoid();
    }

    /**
     * How long {@code subject} must wait: when it has {@code maxFailures} failures in the window besides the attempt
     * under way, until the oldest of its last {@code maxFailures} leaves the window; zero otherwise.
     */
    private Uni<Duration> retryAfter(String kind, String subject, int maxFailures, long attemptRowId) {
        return pool.preparedQuery("""
                        select ceil(extract(epoch from failed_at + $3::bigint * interval '1 millisecond' - now()) * 1000)::bigint as wait
                        from login_failure
                        where kind = $1 and subject = $2 and id <> $5
                          and failed_at > now() - $3::bigint * interval '1 millisecond'
                        order by failed_at desc offset $4 limit 1""")
                .execute(Tuple.of(kind, subject, windowMillis, maxFailures - 1, attemptRowId))
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
