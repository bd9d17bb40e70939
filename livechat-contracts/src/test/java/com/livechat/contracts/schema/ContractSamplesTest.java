package com.livechat.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.json.EventJson;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real records, written by {@link EventJson} as the services write them, are valid against their schemas: one
 * realistic instance of every record type with every field set, and variants through every value of every enum.
 */
class ContractSamplesTest {

    static Stream<LivechatRecord> samplesAndEnumVariants() {
        return Samples.all().stream().flatMap(sample -> Stream.concat(Stream.of(sample), enumVariants(sample)));
    }

    @Test
    void thereIsOneSampleOfEveryRecordTypeWithEveryFieldSet() {
        Set<String> sampled = new TreeSet<>();
        for (LivechatRecord sample : Samples.all()) {
            assertTrue(sampled.add(sample.getClass().getSimpleName()), "two samples of " + sample.getClass());
            for (RecordComponent component : sample.getClass().getRecordComponents()) {
                assertNotNull(value(component, sample), sample.getClass().getSimpleName() + "." + component.getName());
            }
        }
        assertEquals(ContractFiles.recordTypes().map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new)), sampled);
    }

    @Test
    void theVariantsUseEveryValueOfEveryEnumOfTheContract() {
        Map<Class<?>, Set<Object>> used = new HashMap<>();
        samplesAndEnumVariants().forEach(record -> {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getType().isEnum()) {
                    used.computeIfAbsent(component.getType(), type -> new HashSet<>())
                            .add(value(component, record));
                }
            }
        });
        used.forEach((type, values) -> assertEquals(Set.of(type.getEnumConstants()), values, type.getName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesAndEnumVariants")
    void aRecordAsTheServicesWriteItMatchesItsSchema(LivechatRecord record) {
        JsonNode json = EventJson.mapper().valueToTree(record);
        String type = json.path("type").asText();

        Set<ValidationMessage> errors = ContractFiles.schema(type).validate(json);

        assertTrue(errors.isEmpty(), type + " does not match " + type + ".json: " + errors + "\n" + json);
    }

    @Test
    void theSchemasRefuseARecordThatBreaksThem() {
        ObjectNode offered = EventJson.mapper().valueToTree(Samples.all().stream()
                .filter(r -> r.getClass().getSimpleName().equals("ChatOffered")).findFirst().orElseThrow());
        offered.remove("eventId");
        offered.put("proactive", "yes");
        offered.put("kind", "BROADCAST");
        offered.put("expiresAt", "in 30 seconds");

        List<String> errors = ContractFiles.schema("ChatOffered").validate(offered).stream()
                .map(ValidationMessage::getMessage).sorted().toList();

        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("eventId")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("proactive")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("kind")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("expiresAt")), errors.toString());
    }

    /** Copies of {@code sample} with one enum component set to each of its other values. */
    private static Stream<LivechatRecord> enumVariants(LivechatRecord sample) {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        List<LivechatRecord> variants = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            if (!components[i].getType().isEnum()) {
                continue;
            }
            for (Object constant : components[i].getType().getEnumConstants()) {
                if (!constant.equals(value(components[i], sample))) {
                    variants.add(with(sample, i, constant));
                }
            }
        }
        return variants.stream();
    }

    private static LivechatRecord with(LivechatRecord sample, int index, Object replacement) {
        RecordComponent[] components = sample.getClass().getRecordComponents();
        Object[] values = Arrays.stream(components).map(c -> value(c, sample)).toArray();
        values[index] = replacement;
        try {
            Constructor<?> canonical = sample.getClass().getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return (LivechatRecord) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(e);
        }
    }
}
