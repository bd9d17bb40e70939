package com.livechat.routing.api;

/** The shape of admin-chosen ids (queue, agent, idle code) in paths. */
final class Ids {

    static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Ids() {
    }
}
