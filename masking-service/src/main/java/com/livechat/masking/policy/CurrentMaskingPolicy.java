package com.livechat.masking.policy;

import com.livechat.masking.domain.MaskingPolicy;
import com.livechat.masking.config.MaskingConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    /** Scheduled here rather than with {@code @Scheduled}, so that the interval comes from {@link MaskingConfig}. */
    void scheduleRefresh(@Observes StartupEvent start, Scheduler scheduler, MaskingConfig config) {
        scheduler.newJob(CurrentMaskingPolicy.class.getName() + ".refresh")
                .setInterval(config.policyRefresh().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setAsyncTask(execution -> refresh())
                .schedule();
    }

    private Uni<Void> refresh() {
        return Panache.withSession(() -> MaskingPolicyEntity.<MaskingPolicyEntity>findById(MaskingPolicyEntity.THE_ROW))
                .invoke(stored -> offer(stored.toPolicy()))
                .replaceWithVoid()
                // The policy in force stays; the next round tries again.
                .onFailure().invoke(failure -> LOG.warnf("Could not re-read the masking policy, keeping version %d: %s",
                        get().version(), failure.getMessage()))
                .onFailure().recoverWithNull();
    }
}
