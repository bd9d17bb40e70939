package com.livechat.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches every text column of a database (text, varchar, json, jsonb) for strings, case-insensitively: the oracle
 * of the erasure tests (docs/privacy.md), which must find none of a customer's original data once it is erased.
 */
public final class TextScan {

    private TextScan() {
    }

    /**
     * Every {@code table.column: value} holding one of {@code needles} (case-insensitive); fails if the schema has
     * no text column (a wrong database would otherwise pass).
     */
    public static List<String> occurrences(Connection db, String... needles) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select table_name, column_name from "
                + "information_schema.columns where table_schema = 'public' "
                + "and data_type in ('text', 'character varying', 'jsonb', 'json')");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("No text column to scan: wrong database?");
        }
        List<String> found = new ArrayList<>();
        for (String[] column : columns) {
            String table = "\"" + column[0] + "\"";
            String name = "\"" + column[1] + "\"";
            for (String needle : needles) {
                try (PreparedStatement query = db.prepareStatement("select " + name + "::text from " + table
                        + " where strpos(lower(" + name + "::text), lower(?)) > 0")) {
                    query.setString(1, needle);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            found.add(column[0] + "." + column[1] + ": " + rows.getString(1));
                        }
                    }
                }
            }
        }
        return found;
    }
}
