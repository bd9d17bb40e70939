package com.livechat.testsupport.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassDataSharingTest {

    @TempDir
    Path directory;

    @Test
    void theFirstRunWritesTheArchiveAndLaterRunsMapIt() throws Exception {
        Path jar = Files.writeString(directory.resolve("kafka.jar"), "jar");
        List<String> first = ClassDataSharing.options(directory.resolve("cds"), "kafka", jar.toString());
        assertEquals(1, first.size());
        assertTrue(first.get(0).startsWith("-XX:ArchiveClassesAtExit="), first.toString());
        Files.writeString(Path.of(first.get(0).substring("-XX:ArchiveClassesAtExit=".length())), "archive");
        assertEquals(List.of(first.get(0).replace("ArchiveClassesAtExit", "SharedArchiveFile")),
                ClassDataSharing.options(directory.resolve("cds"), "kafka", jar.toString()));
    }

    @Test
    void aChangedJarOrAnotherNodeGetsItsOwnArchive() throws Exception {
        Path jar = Files.writeString(directory.resolve("kafka.jar"), "jar");
        String before = ClassDataSharing.options(directory, "kafka", jar.toString()).get(0);
        assertNotEquals(before, ClassDataSharing.options(directory, "kafka-2", jar.toString()).get(0));
        Files.writeString(jar, "a rebuilt jar");
        assertNotEquals(before, ClassDataSharing.options(directory, "kafka", jar.toString()).get(0));
    }

    @Test
    void onlyJarsStayOnTheClassPath() {
        String classPath = String.join(File.pathSeparator, "test-support/target/classes", "/m2/kafka_2.13-4.1.1.jar",
                "livechat-contracts/target/classes", "/m2/kafka-clients-4.1.1.jar");
        assertEquals("/m2/kafka_2.13-4.1.1.jar" + File.pathSeparator + "/m2/kafka-clients-4.1.1.jar",
                ClassDataSharing.jarsOnly(classPath));
    }
}
