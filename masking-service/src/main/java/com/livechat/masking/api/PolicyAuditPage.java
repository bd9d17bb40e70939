package com.livechat.masking.api;

import com.livechat.masking.policy.MaskingPolicyChange;
import com.livechat.masking.policy.MaskingPolicyService.AuditPage;
import com.livechat.masking.domain.SensitiveType;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One page of the policy's audit trail, newest change first. */
public record PolicyAuditPage(int page, int size, long total, List<Entry> items) {

    static PolicyAuditPage of(AuditPage page) {
        return new PolicyAuditPage(page.page(), page.size(), page.total(),
                page.changes().stream().map(Entry::of).toList());
    }

    /** One change; {@code typesOffBefore} and {@code typesOff} list the types switched off on their own. */
    public record Entry(Instant changedAt, String changedBy, boolean pciEnabledBefore, boolean pciEnabled,
            boolean piiEnabledBefore, boolean piiEnabled, Set<SensitiveType> typesOffBefore,
            Set<SensitiveType> typesOff) {

        static Entry of(MaskingPolicyChange change) {
            return new Entry(change.changedAt, change.changedBy, change.pciEnabledBefore, change.pciEnabled,
                    change.piiEnabledBefore, change.piiEnabled, change.typesOffBefore(), change.typesOff());
        }
    }
}
