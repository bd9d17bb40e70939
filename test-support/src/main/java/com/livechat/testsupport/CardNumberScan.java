package com.livechat.testsupport;

import com.livechat.platform.validation.Luhn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Searches every text column of a database for what looks like an unmasked payment card: a run of 13 to 19 digits
 * (single spaces or dashes allowed between them) passing the Luhn check. UUIDs are left out: their digit runs are
 * identifiers, not cards.
 *
 * <p>This is a test oracle, deliberately broader than the product's rule ({@code CardNumbers} in livechat-platform,
 * which the masker and the conversation service's guard share): any Luhn-valid window of 13 to 19 digits counts,
 * whatever the grouping, a leading 0 or a neighbouring word, so a gap in that rule shows up here instead of being
 * reproduced by it. Test data should therefore avoid long digit runs that are not meant as cards.
 */
public final class CardNumberScan {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d)*");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private CardNumberScan() {
    }

    /** Every {@code table.column: value} holding a card number; also fails if the schema has no text column. */
    public static List<String> unmaskedCardNumbers(Connection db) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select table_name, column_name from "
                + "information_schema.columns where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                columns.add("\"" + rows.getString(1) + "\".\"" + rows.getString(2) + "\"");
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("No text column to scan: wrong database?");
        }
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            String table = column.substring(0, column.indexOf('.'));
            String name = column.substring(column.indexOf('.') + 1);
            try (PreparedStatement query = db.prepareStatement(
                    "select " + name + "::text from " + table + " where " + name + " is not null");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String value = UUID.matcher(rows.getString(1)).replaceAll("");
                    Matcher run = DIGIT_RUN.matcher(value);
                    while (run.find()) {
                        if (hasCardNumber(run.group().replaceAll("[ -]", ""))) {
                            found.add(column + ": " + run.group());
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Whether some stretch of 13 to 19 of these digits passes the Luhn check. */
    private static boolean hasCardNumber(String digits) {
        for (int length = 13; length <= 19; length++) {
            for (int start = 0; start + length <= digits.length(); start++) {
                if (Luhn.isValid(digits, start, start + length)) {
                    return true;
                }
            }
        }
        return false;
    }
}
