package com.livechat.routing.persistence;

import com.livechat.routing.domain.IdleCode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored {@link IdleCode}. */
@Entity(name = "IdleCode")
@Table(name = "idle_code")
public class IdleCodeRow extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String label;

    public IdleCode toIdleCode() {
        return new IdleCode(code, label);
    }

    void copy(IdleCode idleCode) {
        code = idleCode.code();
        label = idleCode.label();
    }
}
