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
        String write = first.get(first.size() - 1);
        assertTrue(write.startsWith("-XX:ArchiveClassesAtExit="), first.toString());
        Files.writeString(Path.of(write.substring("-XX:ArchiveClassesAtExit=".length())), "archive");
        List<String> later = ClassDataSharing.options(directory.resolve("cds"), "kafka", jar.toString());
        assertEquals(write.replace("ArchiveClassesAtExit", "SharedArchiveFile"), later.get(later.size() - 1));
    }

    @Test
    void aChangedJarOrAnotherNodeGetsItsOwnArchive() throws Exception {
        Path jar = Files.writeString(directory.resolve("kafka.jar"), "jar");
        String before = ClassDataSharing.options(directory, "kafka", jar.toString()).toString();
        assertNotEquals(before, ClassDataSharing.options(directory, "kafka-2", jar.toString()).toString());
        Files.writeString(jar, "a rebuilt jar");
        assertNotEquals(before, ClassDataSharing.options(directory, "kafka", jar.toString()).toString());
    }

    @Test
    void onlyJarsStayOnTheClassPath() {
        String classPath = String.join(File.pathSeparator, "test-support/target/classes", "/m2/kafka_2.13-4.1.1.jar",
                "livechat-contracts/target/classes", "/m2/kafka-clients-4.1.1.jar");
        assertEquals("/m2/kafka_2.13-4.1.1.jar" + File.pathSeparator + "/m2/kafka-clients-4.1.1.jar",
                ClassDataSharing.jarsOnly(classPath));
    }
}
