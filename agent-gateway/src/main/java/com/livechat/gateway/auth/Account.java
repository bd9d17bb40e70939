package com.livechat.gateway.auth;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Someone who logs in at the gateway: an agent, a supervisor or an administrator. Passwords are bcrypt hashes. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "password_hash")
    public String passwordHash;

    /** Comma-separated roles ({@link Roles}). */
    public String roles;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A disabled account cannot log in, and the tokens it already holds are refused. */
    public boolean disabled;

    /** Incremented by a new password, other roles or a change of {@link #disabled}; tokens of another version are refused. */
    @Column(name = "credentials_version")
    public int credentialsVersion;

    public List<String> roleList() {
        return Arrays.stream(roles.split(",")).map(String::strip).filter(role -> !role.isEmpty()).toList();
    }
}
