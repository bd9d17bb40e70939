package com.livechat.masking.policy;

import com.livechat.masking.domain.MaskingPolicy;
import com.livechat.masking.domain.SensitiveType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and changes the stored masking policy; every change is audited in the same transaction. */
@ApplicationScoped
public class MaskingPolicyService {

    private final CurrentMaskingPolicy current;
    private final Clock clock;

    public MaskingPolicyService(CurrentMaskingPolicy current, Clock clock) {
        this.current = current;
        this.clock = clock;
    }

    @WithSession
    public Uni<MaskingPolicy> stored() {
        return MaskingPolicyEntity.<MaskingPolicyEntity>findById(MaskingPolicyEntity.THE_ROW)
                .map(MaskingPolicyEntity::toPolicy);
    }

    /**
     * Stores and audits the new policy, then puts it in force on this instance at once. {@code typeSwitches} turns
     * single types on ({@code true}) or off; the types it does not name keep their setting.
     */
    public Uni<MaskingPolicy> change(boolean pciEnabled, boolean piiEnabled, Map<SensitiveType, Boolean> typeSwitches,
            String changedBy) {
        // The row lock serialises concurrent changes, so versions and "before" values in the audit never collide.
        return Panache.withTransaction(() -> MaskingPolicyEntity
                .<MaskingPolicyEntity>findById(MaskingPolicyEntity.THE_ROW, LockModeType.PESSIMISTIC_WRITE)
                .flatMap(row -> {
                    MaskingPolicy before = row.toPolicy();
                    row.pciEnabled = pciEnabled;
                    row.piiEnabled = piiEnabled;
                    row.typesOff = SensitiveTypes.write(switched(before.typesOff(), typeSwitches));
                    // PostgreSQL keeps microseconds: what we return is what a later read returns.
                    row.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    row.updatedBy = changedBy;
                    row.version = before.version() + 1;
                    MaskingPolicy after = row.toPolicy();
                    return MaskingPolicyChange.between(before, after).persist().replaceWith(after);
                }))
                .invoke(current::offer);
    }

    private static Set<SensitiveType> switched(Set<SensitiveType> typesOff, Map<SensitiveType, Boolean> typeSwitches) {
        Set<SensitiveType> after = typesOff.isEmpty() ? EnumSet.noneOf(SensitiveType.class) : EnumSet.copyOf(typesOff);
        typeSwitches.forEach((type, on) -> {
            if (on) {
                after.remove(type);
            } else {
                after.add(type);
            }
        });
        return after;
    }

    /** The audit trail, newest change first. */
    @WithSession
    public Uni<AuditPage> history(int page, int size) {
        var query = MaskingPolicyChange.<MaskingPolicyChange>find("order by version desc");
        // Panache computes the first row as page * size in an int; a page that far out is empty anyway.
        Uni<List<MaskingPolicyChange>> onPage = (long) page * size > Integer.MAX_VALUE
                ? Uni.createFrom().item(List.of()) : query.page(page, size).list();
        return onPage.flatMap(changes -> query.count().map(total -> new AuditPage(page, size, total, changes)));
    }

    /** One page of the audit trail and the total number of changes. */
    public record AuditPage(int page, int size, long total, List<MaskingPolicyChange> changes) {
    }
}
