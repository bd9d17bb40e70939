package com.livechat.gateway.auth;

import com.livechat.platform.failure.FailureKind;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Accounts: look-up, password check and idempotent upsert. */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, String> {

    /** A bcrypt hash of nothing, checked when the user is unknown so that both failures take as long. */
    /** PostgreSQL's SQLState for a unique (here: primary key) violation. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no such account");

    private final Vertx vertx;
    private final Pool pool;
    private final Clock clock;

    public AccountRepository(Vertx vertx, Pool pool, Clock clock) {
        this.vertx = vertx;
        this.pool = pool;
        this.clock = clock;
    }

    @WithSession
    public Uni<Account> find(String agentId) {
        return findById(agentId);
    }

    /** Every account, by id (the admin console's list). */
    @WithSession
    public Uni<List<Account>> all() {
        return listAll(Sort.by("agentId"));
    }

    /** The account if {@code password} is its password; empty for an unknown user or a wrong password alike. */
    public Uni<Optional<Account>> authenticate(String agentId, String password) {
        return find(agentId).chain(account -> {
            String hash = account == null ? DUMMY_HASH : account.passwordHash;
            return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.matches(password, hash)))
                    .map(matches -> matches && account != null ? Optional.of(account) : Optional.<Account>empty());
        });
    }

    /**
     * Creates or replaces the account (bcrypt is slow on purpose: it runs on a worker thread). An unchanged password
     * keeps its hash, so that replaying the same PUT (seeding twice) changes nothing and revokes no token.
     */
    public Uni<Account> upsert(String agentId, String displayName, String password, List<String> roles,
            boolean disabled) {
        // executeBlocking comes back on the caller's Vert.x context, where Hibernate Reactive must run.
        return find(agentId).chain(existing -> vertx.executeBlocking(Uni.createFrom().item(() ->
                        existing != null && BcryptUtil.matches(password, existing.passwordHash)
                                ? existing.passwordHash : BcryptUtil.bcryptHash(password))))
                .chain(hash -> save(agentId, displayName, hash, roles, disabled)
                        // Two first PUTs at once both find no row to lock and both insert: the loser's transaction
                        // fails on the primary key, and saving again finds the winner's row, locks and updates it.
                        .onFailure(AccountRepository::isDuplicateKey)
                        .recoverWithUni(() -> save(agentId, displayName, hash, roles, disabled)));
    }

    private static boolean isDuplicateKey(Throwable failure) {
        return FailureKind.sqlState(failure).filter(UNIQUE_VIOLATION::equals).isPresent();
    }

    /** Disables the account; false when there is none. */
    @WithTransaction
    public Uni<Boolean> disable(String agentId) {
        return findById(agentId, LockModeType.PESSIMISTIC_WRITE).map(account -> {
            if (account == null) {
                return false;
            }
            account.disabled = true;
            account.credentialsVersion++;
            account.updatedAt = clock.instant();
            return true;
        });
    }

    /** What decides whether an account's tokens still hold. */
    public record TokenState(boolean disabled, int credentialsVersion) {

        /**
         * Whether a token issued at {@code version} holds, given its account's state ({@code null}: no account row).
         * It holds while the account is enabled and unchanged since; a staff identity without an account row passes:
         * the gateway issues tokens only to accounts, so such a token was signed by another trusted issuer.
         */
        public static boolean holds(TokenState state, int version) {
            return state == null || !state.disabled() && state.credentialsVersion() == version;
        }
    }

    /**
     * Whether a token issued to {@code agentId} at {@code credentialsVersion} still holds ({@link TokenState#holds}).
     * Read on every authenticated staff request, outside any Hibernate session (it runs while the request's identity
     * is built), hence the plain client.
     */
    public Uni<Boolean> acceptsToken(String agentId, int credentialsVersion) {
        return tokenStates(Set.of(agentId)).map(states -> TokenState.holds(states.get(agentId), credentialsVersion));
    }

    /** The token state of each of these accounts that exists. */
    public Uni<Map<String, TokenState>> tokenStates(Set<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select agent_id, disabled, credentials_version from account where agent_id = any($1)")
                .execute(Tuple.of(agentIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, TokenState> states = new HashMap<>();
                    rows.forEach(row -> states.put(row.getString("agent_id"),
                            new TokenState(row.getBoolean("disabled"), row.getInteger("credentials_version"))));
                    return states;
                });
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
                .setParameter("updatedAt", clock.instant())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    @WithTransaction
    Uni<Account> save(String agentId, String displayName, String hash, List<String> roles, boolean disabled) {
        // Locked: two changes at once must each increment the version, or a token could outlive the second one.
        return findById(agentId, LockModeType.PESSIMISTIC_WRITE).chain(existing -> {
            Account account = existing == null ? new Account() : existing;
            String joinedRoles = String.join(",", roles);
            // A new password, other roles or a disabled account revoke the tokens issued before; a new name does not.
            if (existing != null && (!hash.equals(existing.passwordHash) || !joinedRoles.equals(existing.roles)
                    || disabled != existing.disabled)) {
                account.credentialsVersion++;
            }
            account.agentId = agentId;
            account.displayName = displayName;
            account.passwordHash = hash;
            account.roles = joinedRoles;
            account.disabled = disabled;
            account.updatedAt = clock.instant();
            return persist(account);
        });
    }
}
