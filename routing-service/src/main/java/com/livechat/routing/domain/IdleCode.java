package com.livechat.routing.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An admin-defined reason for being IDLE ("Break", "Meeting", "Lunch"...). */
@Entity
@Table(name = "idle_code")
public class IdleCode extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String label;
}
