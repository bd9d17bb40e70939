package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.Retention;
import com.livechat.platform.persistence.NativeSelects;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;

/**
 * The scheduled purge of transcripts (docs/privacy.md): conversations CLOSED longer ago than the transcript retention
 * are deleted with everything stored about them (messages, CAD variables, participations, wrap-ups, survey, read
 * positions), a batch at a time, each in one transaction. Rows another transaction holds are left for the next round.
 */
@ApplicationScoped
public class RetentionPurge {

    /** At most this many conversations per round. */
    static final int BATCH = 200;
    private static final List<String> CHILDREN = List.of("read_position", "survey", "wrap_up", "chat_message",
            "cad_variable", "participation");

    private final Mutiny.SessionFactory sessionFactory;

    public RetentionPurge(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** Deletes one batch of conversations due under {@code transcripts} at {@code now}; returns how many. */
    @SuppressWarnings("unchecked")
    public Uni<Integer> purge(Retention transcripts, Instant now) {
        var cutoff = transcripts.cutoff(now);
        if (cutoff.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return sessionFactory.withTransaction(session -> NativeSelects.bindOne(session.createNativeQuery("""
                        select id from conversation where closed_at < :cutoff order by closed_at limit :limit
                        for update skip locked""", String.class), "cutoff", Timestamps.stored(cutoff.get()))
                .setParameter("limit", BATCH)
                .getResultList()
                .chain(ids -> {
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (String table : CHILDREN) {
                        chain = chain.chain(() -> session.createNativeQuery(
                                        "delete from " + table + " where conversation_id in (:ids)")
                                .setParameter("ids", ids).executeUpdate());
                    }
                    return chain.chain(() -> session.createNativeQuery("delete from conversation where id in (:ids)")
                                    .setParameter("ids", ids).executeUpdate())
                            .replaceWith(ids.size());
                }));
    }
}
