package com.livechat.contracts.events;

/**
 * Version of the JSON contract on every topic. Every record carries it as {@code schemaVersion}; readers ignore
 * unknown fields, so adding a field keeps the version, while renaming or removing one raises it.
 */
public final class SchemaVersion {

    public static final int CURRENT = 1;

    private SchemaVersion() {
    }
}
