package com.livechat.gateway.domain;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts: look-up, password check and idempotent upsert. */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, String> {

    /** A bcrypt hash of nothing, checked when the user is unknown so that both failures take as long. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such account");

    private final Vertx vertx;
    private final Pool pool;

    public AccountRepository(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
    }

    @WithSession
    public Uni<Account> find(String agentId) {
        return findById(agentId);
    }

    /** The account if {@code password} is its password; empty for an unknown user or a wrong password alike. */
    public Uni<Optional<Account>> authenticate(String agentId, String password) {
        return find(agentId).chain(account -> {
            String hash = account == null ? DUMMY_HASH : account.passwordHash;
            return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.matches(password, hash)))
                    .map(matches -> matches && account != null ? Optional.of(account) : Optional.<Account>empty());
        });
    }

    /** Creates or replaces the account (bcrypt is slow on purpose: it runs on a worker thread). */
    public Uni<Account> upsert(String agentId, String displayName, String password, List<String> roles,
            boolean disabled) {
        // executeBlocking comes back on the caller's Vert.x context, where Hibernate Reactive must run.
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password)))
                .chain(hash -> save(agentId, displayName, hash, roles, disabled));
    }

    /** Disables the account; false when there is none. */
    @WithTransaction
    public Uni<Boolean> disable(String agentId) {
        return findById(agentId).map(account -> {
            if (account == null) {
                return false;
            }
            account.disabled = true;
            account.updatedAt = Instant.now();
            return true;
        });
    }

    /**
     * Whether the account exists and is disabled. Read on every authenticated staff request, outside any Hibernate
     * session (it runs while the request's identity is built), hence the plain client.
     */
    public Uni<Boolean> isDisabled(String agentId) {
        return pool.preparedQuery("select disabled from account where agent_id = $1").execute(Tuple.of(agentId))
                .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean("disabled"));
    }

    /**
     * Creates the account only if it does not exist yet. Several instances may start at once: the insert gives way
     * to an existing row instead of failing on it.
     */
    @WithTransaction
    public Uni<Boolean> createIfMissing(String agentId, String displayName, String password, List<String> roles) {
        String hash = BcryptUtil.bcryptHash(password);
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into account (agent_id, display_name, password_hash, roles, updated_at)
                        values (:agentId, :displayName, :hash, :roles, :updatedAt)
                        on conflict (agent_id) do nothing""")
                .setParameter("agentId", agentId)
                .setParameter("displayName", displayName)
                .setParameter("hash", hash)
                .setParameter("roles", String.join(",", roles))
                .setParameter("updatedAt", Instant.now())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    @WithTransaction
    Uni<Account> save(String agentId, String displayName, String hash, List<String> roles, boolean disabled) {
        return findById(agentId).chain(existing -> {
            Account account = existing == null ? new Account() : existing;
            account.agentId = agentId;
            account.displayName = displayName;
            account.passwordHash = hash;
            account.roles = String.join(",", roles);
            account.disabled = disabled;
            account.updatedAt = Instant.now();
            return persist(account);
        });
    }
}
