package com.livechat.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.events.RejectionCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/events.md} and the schemas say the same: every record type has its row in the page, every field of its
 * schema is named in that row or in its section's "Every ... has" sentence, every field the row names is in the
 * schema (or in a nested one), every enum value the row lists is a value of that enum, and the rejection codes listed
 * are exactly {@link RejectionCode}. The page stays prose written for people; this test keeps it true.
 */
class EventsDocTest {

    private static final Path PAGE = Path.of("..", "docs", "events.md");
    private static final Pattern CODE = Pattern.compile("`([A-Za-z][A-Za-z0-9_-]*)`");
    private static final Pattern FIELD_WITH_VALUES = Pattern.compile("`([a-z][A-Za-z0-9]*)` \\(([^)]*)\\)");

    private final List<String> lines = read();

    @Test
    void everyRecordTypeHasARowNamingExactlyTheFieldsOfItsSchema() {
        List<String> problems = new ArrayList<>();
        ContractFiles.recordTypes().map(ContractFiles::typeName).forEach(type -> {
            int row = rowOf(type);
            if (row < 0) {
                problems.add(type + ": no row `| `" + type + "` |` in docs/events.md");
                return;
            }
            JsonNode properties = ContractFiles.schemaTree(type).get("properties");
            Set<String> documented = codes(fieldsCell(row));
            Set<String> common = codes(commonFieldsSentence(row));
            properties.fieldNames().forEachRemaining(field -> {
                if (!field.equals("type") && !field.equals("schemaVersion") && !documented.contains(field)
                        && !common.contains(field)) {
                    problems.add(type + ": field `" + field + "` of the schema is not in its row or section");
                }
            });
            Set<String> known = knownFields(properties);
            documented.stream().filter(code -> Character.isLowerCase(code.charAt(0)) && !known.contains(code))
                    .forEach(code -> problems.add(type + ": the page names `" + code + "`, which " + type
                            + ".json does not have"));
            checkEnumValues(type, properties, fieldsCell(row), problems);
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theRejectionCodesListedAreExactlyTheEnum() {
        int heading = lines.indexOf("## Rejection codes");
        assertTrue(heading >= 0, "docs/events.md has no '## Rejection codes' section");
        StringBuilder section = new StringBuilder();
        for (int i = heading + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            section.append(lines.get(i)).append('\n');
        }
        Set<String> listed = codes(section.toString()).stream().filter(code -> code.equals(code.toUpperCase()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Arrays.stream(RejectionCode.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)), listed);
    }

    private void checkEnumValues(String type, JsonNode properties, String cell, List<String> problems) {
        Matcher matcher = FIELD_WITH_VALUES.matcher(cell);
        while (matcher.find()) {
            JsonNode property = properties.get(matcher.group(1));
            if (property == null || !property.has("$ref")) {
                continue;
            }
            JsonNode nested = ContractFiles.schemaTree(property.get("$ref").asText().replace(".json", ""));
            if (!nested.has("enum")) {
                continue;
            }
            Set<String> values = new TreeSet<>();
            nested.get("enum").forEach(value -> values.add(value.asText()));
            codes(matcher.group(2)).stream().filter(value -> !values.contains(value)).forEach(value -> problems.add(
                    type + ": `" + matcher.group(1) + "` is listed with `" + value + "`, which is not a value of "
                            + nested.path("title").asText()));
        }
    }

    /** The properties of a schema and of the records it refers to (a row may name a customer's {@code name}). */
    private static Set<String> knownFields(JsonNode properties) {
        Set<String> known = new TreeSet<>();
        properties.fields().forEachRemaining(entry -> {
            known.add(entry.getKey());
            JsonNode ref = entry.getValue().get("$ref");
            JsonNode nested = ref == null ? null : ContractFiles.schemaTree(ref.asText().replace(".json", ""));
            if (nested != null && nested.has("properties")) {
                nested.get("properties").fieldNames().forEachRemaining(known::add);
            }
        });
        return known;
    }

    private int rowOf(String type) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| `" + type + "` |")) {
                return i;
            }
        }
        return -1;
    }

    /** The cell of a row under its table's {@code fields} header. */
    private String fieldsCell(int row) {
        int header = row;
        while (header > 0 && !lines.get(header).startsWith("| type |")) {
            header--;
        }
        List<String> headers = cells(lines.get(header));
        List<String> cells = cells(lines.get(row));
        int index = headers.indexOf("fields");
        assertTrue(index > 0 && index < cells.size(), "no fields column above line " + (row + 1));
        return cells.get(index);
    }

    /** The "Every ... has `a`, `b`" sentence of the row's section, or nothing. */
    private String commonFieldsSentence(int row) {
        for (int i = row; i > 0 && !lines.get(i).startsWith("## "); i--) {
            if (lines.get(i).startsWith("Every ")) {
                return lines.get(i);
            }
        }
        return "";
    }

    private static List<String> cells(String line) {
        String trimmed = line.strip();
        return Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split("\\|", -1)).map(String::strip).toList();
    }

    private static Set<String> codes(String text) {
        Set<String> codes = new TreeSet<>();
        Matcher matcher = CODE.matcher(text);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    private static List<String> read() {
        try {
            return Files.readAllLines(PAGE);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + PAGE.toAbsolutePath(), e);
        }
    }
}
