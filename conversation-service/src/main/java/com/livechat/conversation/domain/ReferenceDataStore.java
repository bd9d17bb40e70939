package com.livechat.conversation.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Creates or replaces the admin-defined wrap-up reasons and message templates, each in one statement
 * ({@code insert ... on conflict do update}): two first PUTs of the same code at once both succeed, one creating the
 * row and the other then updating it, where a find-then-persist would fail one of them on the primary key.
 */
@ApplicationScoped
public class ReferenceDataStore {

    /** A row version that no other statement has updated or locked has xmax 0: the upsert inserted it. */
    private static final String RETURNING_CREATED = " returning (xmax = 0)";

    /** Stores the reason; true when it is new, false when an existing one was relabelled. */
    public Uni<Boolean> upsert(Mutiny.Session session, WrapUpReason reason) {
        return session.createNativeQuery("insert into wrap_up_reason (code, label, updated_at) "
                        + "values (:code, :label, :updatedAt) on conflict (code) do update "
                        + "set label = excluded.label, updated_at = excluded.updated_at" + RETURNING_CREATED,
                        Boolean.class)
                .setParameter("code", reason.code())
                .setParameter("label", reason.label())
                .setParameter("updatedAt", reason.updatedAt())
                .getSingleResult();
    }

    /** Stores the template; true when it is new, false when an existing one was redefined. */
    public Uni<Boolean> upsert(Mutiny.Session session, MessageTemplate template) {
        return session.createNativeQuery("insert into message_template (id, name, body, updated_at) "
                        + "values (:id, :name, :body, :updatedAt) on conflict (id) do update "
                        + "set name = excluded.name, body = excluded.body, updated_at = excluded.updated_at"
                        + RETURNING_CREATED, Boolean.class)
                .setParameter("id", template.id())
                .setParameter("name", template.name())
                .setParameter("body", template.body())
                .setParameter("updatedAt", template.updatedAt())
                .getSingleResult();
    }
}
