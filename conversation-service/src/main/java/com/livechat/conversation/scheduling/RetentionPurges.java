package com.livechat.conversation.scheduling;

import com.livechat.conversation.config.ConversationConfig;
import com.livechat.conversation.domain.Retention;
import com.livechat.conversation.persistence.RetentionPurge;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The scheduled retention purge (docs/privacy.md): each round reads the clock and deletes the transcripts that
 * closed longer ago than {@code livechat.conversation.retention.transcript-days} ({@link RetentionPurge}).
 */
@ApplicationScoped
public class RetentionPurges {

    private static final Logger LOG = Logger.getLogger(RetentionPurges.class);

    private final RetentionPurge purge;
    private final Clock clock;
    private final Vertx vertx;
    private final Duration interval;
    private final Retention transcripts;
    private Long timer;

    public RetentionPurges(RetentionPurge purge, Clock clock, Vertx vertx, ConversationConfig config) {
        this.purge = purge;
        this.clock = clock;
        this.vertx = vertx;
        this.interval = config.retention().purgeInterval();
        this.transcripts = new Retention(config.retention().transcriptDays());
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (timer != null) {
            return;
        }
        AtomicBoolean running = new AtomicBoolean();
        timer = vertx.setPeriodic(interval.toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> purge.purge(transcripts, clock.instant()).subscribe().with(
                    purged -> {
                        running.set(false);
                        if (purged > 0) {
                            LOG.infof("Retention: deleted %d transcript(s) closed more than %d days ago", purged,
                                    transcripts.days());
                        }
                    },
                    failure -> {
                        // The next round retries: nothing was deleted.
                        LOG.warnf("Retention purge failed, retrying next round: %s", failure.toString());
                        running.set(false);
                    }));
        });
    }

    public synchronized void stop() {
        if (timer != null) {
            vertx.cancelTimer(timer);
            timer = null;
        }
    }
}
