package com.livechat.conversation.persistence;

import com.livechat.conversation.domain.MessageTemplate;
import com.livechat.conversation.domain.WrapUpReason;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/**
 * The admin-defined wrap-up reasons and message templates. Each is created or replaced in one statement
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

    /** Reasons whose code or label matches {@code pattern} (a lower-case {@code Like} pattern), by label. */
    public Uni<List<WrapUpReason>> reasons(Mutiny.Session session, String pattern) {
        return session.createSelectionQuery("from WrapUpReason where lower(label) like :pattern escape '!'"
                        + " or lower(code) like :pattern escape '!' order by lower(label), code", WrapUpReasonRow.class)
                .setParameter("pattern", pattern)
                .getResultList()
                .map(rows -> rows.stream().map(WrapUpReasonRow::toReason).toList());
    }

    /** The reason, or null when there is none with that code (or no code). */
    public Uni<WrapUpReason> reason(Mutiny.Session session, String code) {
        return isBlank(code) ? Uni.createFrom().nullItem()
                : session.find(WrapUpReasonRow.class, code).map(row -> row == null ? null : row.toReason());
    }

    /** Deletes the reason; returns it as it was, or null when there was none. */
    public Uni<WrapUpReason> deleteReason(Mutiny.Session session, String code) {
        return session.find(WrapUpReasonRow.class, code).chain(row -> row == null ? Uni.createFrom().nullItem()
                : session.remove(row).replaceWith(row.toReason()));
    }

    /** Templates whose name or body matches {@code pattern} (a lower-case {@code Like} pattern), by name. */
    public Uni<List<MessageTemplate>> templates(Mutiny.Session session, String pattern) {
        return session.createSelectionQuery("from MessageTemplate where lower(name) like :pattern escape '!'"
                        + " or lower(body) like :pattern escape '!' order by lower(name), id", MessageTemplateRow.class)
                .setParameter("pattern", pattern)
                .getResultList()
                .map(rows -> rows.stream().map(MessageTemplateRow::toTemplate).toList());
    }

    /** The template, or null when there is none with that id (or no id). */
    public Uni<MessageTemplate> template(Mutiny.Session session, String id) {
        return isBlank(id) ? Uni.createFrom().nullItem()
                : session.find(MessageTemplateRow.class, id).map(row -> row == null ? null : row.toTemplate());
    }

    /** Deletes the template; returns it as it was, or null when there was none. */
    public Uni<MessageTemplate> deleteTemplate(Mutiny.Session session, String id) {
        return session.find(MessageTemplateRow.class, id).chain(row -> row == null ? Uni.createFrom().nullItem()
                : session.remove(row).replaceWith(row.toTemplate()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
