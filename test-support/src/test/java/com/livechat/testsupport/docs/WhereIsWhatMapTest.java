package com.livechat.testsupport.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Where is what" map of {@code docs/architecture.md} names real classes: every {@code `package.Class`} (and the
 * {@code .member} after it) in its "Decided by" and "Carried by" cells exists in the service the cell names just
 * before it ("routing `domain.Dispatch`"). A class renamed or moved without updating the map fails here.
 */
class WhereIsWhatMapTest {

    private static final Path PAGE = Path.of("..", "docs", "architecture.md");
    private static final Map<String, String> MODULE_OF_SERVICE = Map.of("routing", "routing-service",
            "conversation", "conversation-service", "gateway", "agent-gateway", "masking", "masking-service");
    /** A code span, or a service's name in the prose (which says whose classes the next code spans are). */
    private static final Pattern SPAN_OR_SERVICE = Pattern.compile("`([^`]*)`|\\b(routing|conversation|gateway|masking)\\b");
    /** {@code package.Class} with optional {@code .Member}s: lower-case package segments, then a class name. */
    private static final Pattern CLASS_REFERENCE =
            Pattern.compile("((?:[a-z][a-z0-9]*\\.)+)([A-Z][A-Za-z0-9]*)((?:\\.[A-Za-z][A-Za-z0-9]*)*)");

    @Test
    void everyClassTheMapNamesExistsInItsService() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> rows = mapRows();
        int checked = 0;
        for (String row : rows) {
            String[] cells = row.split(" \\| ");
            String service = null;
            for (int cell = 1; cell < cells.length; cell++) {
                Matcher matcher = SPAN_OR_SERVICE.matcher(cells[cell]);
                while (matcher.find()) {
                    if (matcher.group(2) != null) {
                        service = matcher.group(2);
                        continue;
                    }
                    Matcher reference = CLASS_REFERENCE.matcher(matcher.group(1));
                    if (!reference.matches()) {
                        continue;
                    }
                    checked++;
                    check(service, reference, problems);
                }
            }
        }
        assertTrue(rows.size() >= 8, "the map has " + rows.size() + " rows");
        assertTrue(checked >= 50, "only " + checked + " class references found in the map");
        assertTrue(problems.isEmpty(), "docs/architecture.md, Where is what:\n" + String.join("\n", problems));
    }

    private static void check(String service, Matcher reference, List<String> problems) throws IOException {
        String name = reference.group();
        if (service == null) {
            problems.add("`" + name + "` follows no service name (routing, conversation, gateway, masking)");
            return;
        }
        String packagePath = reference.group(1).replace('.', '/');
        Path source = Path.of("..", MODULE_OF_SERVICE.get(service), "src", "main", "java", "com", "livechat", service)
                .resolve(packagePath + reference.group(2) + ".java");
        if (!Files.isRegularFile(source)) {
            problems.add(service + " `" + name + "`: there is no " + source.normalize());
            return;
        }
        String text = Files.readString(source);
        for (String member : reference.group(3).split("\\.")) {
            if (!member.isEmpty() && !Pattern.compile("\\b" + member + "\\b").matcher(text).find()) {
                problems.add(service + " `" + name + "`: " + source.getFileName() + " has no " + member);
            }
        }
    }

    /** The table rows of the "Where is what" section. */
    private static List<String> mapRows() throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(PAGE)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Where is what");
            } else if (inSection && line.startsWith("| **")) {
                rows.add(line);
            }
        }
        return rows;
    }
}
