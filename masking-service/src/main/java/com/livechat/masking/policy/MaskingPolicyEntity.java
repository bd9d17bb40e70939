package com.livechat.masking.policy;

import com.livechat.masking.domain.MaskingPolicy;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The stored masking policy: a single row. */
@Entity
@Table(name = "masking_policy")
public class MaskingPolicyEntity extends PanacheEntityBase {

    public static final short THE_ROW = 1;

    @Id
    public short id;

    @Column(name = "pci_enabled")
    public boolean pciEnabled;

    @Column(name = "pii_enabled")
    public boolean piiEnabled;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    /** The types switched off, as {@link SensitiveTypes} writes them. */
    @Column(name = "types_off")
    public String typesOff;

    public long version;

    public MaskingPolicy toPolicy() {
        return new MaskingPolicy(pciEnabled, piiEnabled, SensitiveTypes.read(typesOff), updatedAt, updatedBy, version);
    }
}
