package com.livechat.conversation.scheduling;

import com.livechat.conversation.config.ConversationConfig;
import com.livechat.conversation.domain.Retention;
import com.livechat.conversation.persistence.RetentionPurge;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * The scheduled retention purge (docs/privacy.md): each round reads the clock and deletes the transcripts that
 * closed longer ago than {@code livechat.conversation.retention.transcript-days} ({@link RetentionPurge}).
 */
@ApplicationScoped
public class RetentionPurges {

    private static final Logger LOG = Logger.getLogger(RetentionPurges.class);

    private final PeriodicRounds rounds;

    public RetentionPurges(RetentionPurge purge, Clock clock, Vertx vertx, ConversationConfig config) {
        Retention transcripts = new Retention(config.retention().transcriptDays());
        // A failed round deleted nothing; the next round retries.
        this.rounds = new PeriodicRounds(vertx, "Retention purge", config.retention().purgeInterval(),
                () -> purge.purge(transcripts, clock.instant()), purged -> {
                    if (purged > 0) {
                        LOG.infof("Retention: deleted %d transcript(s) closed more than %d days ago", purged,
                                transcripts.days());
                    }
                });
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public void start() {
        rounds.start();
    }

    public void stop() {
        rounds.stop();
    }
}
