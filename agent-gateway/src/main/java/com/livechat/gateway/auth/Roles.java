package com.livechat.gateway.auth;

import java.util.Set;

/** The roles carried in tokens (the JWT {@code groups} claim). */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /** A customer's conversation-scoped token. */
    public static final String CUSTOMER = "customer";

    /** Roles an account can have. */
    public static final Set<String> STAFF = Set.of(AGENT, SUPERVISOR, ADMIN);

    private Roles() {
    }
}
