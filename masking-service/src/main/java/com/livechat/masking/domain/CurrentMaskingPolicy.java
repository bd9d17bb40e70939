package com.livechat.masking.domain;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The masking policy in force on this instance, held in memory so that masking a message never waits for the
 * database. The instance that handles a change installs it at once; every instance re-reads the stored policy
 * every {@code livechat.masking.policy-refresh}, so all of them converge within that delay without a restart.
 */
@ApplicationScoped
public class CurrentMaskingPolicy {

    private static final Logger LOG = Logger.getLogger(CurrentMaskingPolicy.class);

    private final AtomicReference<MaskingPolicy> policy = new AtomicReference<>(MaskingPolicy.FAIL_SAFE);

    public MaskingPolicy get() {
        return policy.get();
    }

    /** Installs {@code candidate} unless a newer version is already in force (a slow read never undoes a change). */
    public void offer(MaskingPolicy candidate) {
        policy.accumulateAndGet(candidate, (held, offered) -> offered.version() >= held.version() ? offered : held);
    }

    @Scheduled(every = "${livechat.masking.policy-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @WithSession
    Uni<Void> refresh() {
        return MaskingPolicyEntity.<MaskingPolicyEntity>findById(MaskingPolicyEntity.THE_ROW)
                .invoke(stored -> offer(stored.toPolicy()))
                .replaceWithVoid()
                // The policy in force stays; the next round tries again.
                .onFailure().invoke(failure -> LOG.warnf("Could not re-read the masking policy, keeping version %d: %s",
                        get().version(), failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
