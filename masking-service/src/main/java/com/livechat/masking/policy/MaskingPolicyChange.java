package com.livechat.masking.policy;

import com.livechat.masking.domain.MaskingPolicy;
import com.livechat.masking.domain.SensitiveType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;

/** One entry of the audit trail: a change of the masking policy, with the values before and after. */
@Entity
@Table(name = "masking_policy_change")
public class MaskingPolicyChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long version;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "pci_enabled_before")
    public boolean pciEnabledBefore;

    @Column(name = "pci_enabled")
    public boolean pciEnabled;

    @Column(name = "pii_enabled_before")
    public boolean piiEnabledBefore;

    @Column(name = "pii_enabled")
    public boolean piiEnabled;

    /** The types switched off before the change, as {@link SensitiveTypes} writes them. */
    @Column(name = "types_off_before")
    public String typesOffBefore;

    @Column(name = "types_off")
    public String typesOff;

    public Set<SensitiveType> typesOffBefore() {
        return SensitiveTypes.read(typesOffBefore);
    }

    public Set<SensitiveType> typesOff() {
        return SensitiveTypes.read(typesOff);
    }

    static MaskingPolicyChange between(MaskingPolicy before, MaskingPolicy after) {
        MaskingPolicyChange change = new MaskingPolicyChange();
        change.version = after.version();
        change.changedAt = after.updatedAt();
        change.changedBy = after.updatedBy();
        change.pciEnabledBefore = before.pciEnabled();
        change.pciEnabled = after.pciEnabled();
        change.piiEnabledBefore = before.piiEnabled();
        change.piiEnabled = after.piiEnabled();
        change.typesOffBefore = SensitiveTypes.write(before.typesOff());
        change.typesOff = SensitiveTypes.write(after.typesOff());
        return change;
    }
}
