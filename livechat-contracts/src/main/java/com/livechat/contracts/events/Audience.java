package com.livechat.contracts.events;

/** Who is shown a message: system notices are sometimes meant for the agents or the customer only. */
public enum Audience {
    EVERYONE,
    AGENTS,
    CUSTOMER;

    public boolean includesAgents() {
        return this != CUSTOMER;
    }

    public boolean includesCustomer() {
        return this != AGENTS;
    }
}
