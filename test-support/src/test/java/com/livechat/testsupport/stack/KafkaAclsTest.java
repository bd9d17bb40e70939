package com.livechat.testsupport.stack;

import com.livechat.contracts.events.Topics;
import org.apache.kafka.common.resource.PatternType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ACL table ({@link KafkaAcls}) is the services' real topology (issue 17): each service may write exactly the
 * topics of its outgoing channels and of its outbox rows, read exactly the topics of its incoming channels, with the
 * group ids its channels use; and docs/events.md publishes the same table.
 */
class KafkaAclsTest {

    private static final Path ROOT = LivechatService.repositoryRoot();
    private static final Pattern CHANNEL = Pattern.compile(
            "(?m)^mp\\.messaging\\.(incoming|outgoing)\\.([a-z0-9-]+)\\.(topic|group\\.id)=(\\S+)$");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("Topics\\.([A-Z_]+)");

    @ParameterizedTest
    @EnumSource(LivechatService.class)
    void eachServiceMayReadAndWriteExactlyTheTopicsOfItsChannelsAndOutbox(LivechatService service) throws IOException {
        KafkaAcls.Grant grant = KafkaAcls.of(service.shortName());
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Matcher channel = CHANNEL.matcher(Files.readString(
                ROOT.resolve(service.module()).resolve("src/main/resources/application.properties")));
        while (channel.find()) {
            boolean incoming = channel.group(1).equals("incoming");
            if (channel.group(3).equals("topic")) {
                (incoming ? reads : writes).add(channel.group(4));
            } else {
                groups.add(channel.group(4));
            }
        }
        writes.addAll(outboxTopics(service));

        assertEquals(reads, new TreeSet<>(grant.reads()), service.module() + " reads");
        assertEquals(writes, new TreeSet<>(grant.writes()), service.module() + " writes");
        assertTrue(!groups.isEmpty(), service.module() + " has no consumer group");
        for (String group : groups) {
            String id = group.replaceAll("\\$\\{[^}]*}", "instance");
            boolean granted = grant.groupPattern() == PatternType.PREFIXED ? id.startsWith(grant.group())
                    : id.equals(grant.group());
            assertTrue(granted, service.module() + " uses the group " + group + ", not granted by " + grant);
        }
    }

    @Test
    void nobodyButTheMaskingServiceAndTheBenchReadsTheUnmaskedInbound() {
        Set<String> readers = new TreeSet<>();
        KafkaAcls.GRANTS.stream().filter(grant -> grant.reads().contains(Topics.INBOUND))
                .forEach(grant -> readers.add(grant.principal()));
        assertEquals(Set.of("masking", "bench"), readers);
        KafkaAcls.GRANTS.stream().filter(grant -> grant.writes().contains(Topics.INBOUND))
                .forEach(grant -> assertEquals("gateway", grant.principal()));
    }

    /** docs/events.md, "Access control": one row per principal naming exactly its topics and group. */
    @Test
    void theDocumentedTableIsTheTable() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/events.md"));
        int section = page.indexOf("## Access control");
        assertTrue(section >= 0, "docs/events.md has no section Access control");
        Map<String, String> rows = new HashMap<>();
        for (String line : page.substring(section).lines().toList()) {
            Matcher row = Pattern.compile("^\\| `([a-z]+)` \\|(.*)$").matcher(line);
            if (row.find()) {
                rows.putIfAbsent(row.group(1), row.group(2));
            }
        }
        for (KafkaAcls.Grant grant : KafkaAcls.GRANTS) {
            String row = rows.get(grant.principal());
            assertTrue(row != null, "no row for " + grant.principal());
            String[] cells = row.split("\\|");
            assertEquals(new TreeSet<>(grant.writes()), spans(cells[0]), grant.principal() + " writes");
            assertEquals(new TreeSet<>(grant.reads()), spans(cells[1]), grant.principal() + " reads");
            assertTrue(cells[2].contains("`" + grant.group() + (grant.groupPattern() == PatternType.PREFIXED ? "*`" : "`")),
                    grant.principal() + " group: " + cells[2]);
        }
    }

    private static Set<String> spans(String cell) {
        Set<String> topics = new TreeSet<>();
        Matcher span = Pattern.compile("`(livechat\\.[a-z.-]*[a-z])`").matcher(cell);
        while (span.find()) {
            topics.add(span.group(1));
        }
        return topics;
    }

    /** The topics of the constants {@code Topics.X} named in the service's classes that write to its outbox. */
    private static Set<String> outboxTopics(LivechatService service) throws IOException {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(ROOT.resolve(service.module()).resolve("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                if (!code.contains("Outbox.append") && !code.contains("Outbox.Entry") && !code.contains("new Entry(")) {
                    continue;
                }
                Matcher constant = TOPIC_CONSTANT.matcher(code);
                while (constant.find()) {
                    String topic = topicNamed(constant.group(1));
                    if (topic != null) {
                        topics.add(topic);
                    }
                }
            }
        }
        return topics;
    }

    private static String topicNamed(String constant) {
        try {
            Field field = Topics.class.getField(constant);
            return field.getType() == String.class ? (String) field.get(null) : null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyPrincipalHasAGrantAndTheAdministratorIsLast() {
        assertEquals(List.of("gateway", "masking", "conversation", "routing", "bench", "admin"), KafkaAcls.principals());
    }
}
