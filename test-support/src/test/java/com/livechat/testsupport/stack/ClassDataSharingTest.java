package com.livechat.testsupport.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassDataSharingTest {

    private static final String WRITE = "-XX:ArchiveClassesAtExit=";
    private static final String MAP = "-XX:SharedArchiveFile=";

    @TempDir
    Path directory;

    private Path jar() throws Exception {
        Path jar = directory.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out,
                new Manifest())) {
            // an empty jar: the JVM runs -version on it
        }
        return jar;
    }

    /** What the option asks for: the archive path after {@code prefix}, or null. */
    private static Path archive(List<String> options, String prefix) {
        return options.stream().filter(option -> option.startsWith(prefix)).findFirst()
                .map(option -> Path.of(option.substring(prefix.length()))).orElse(null);
    }

    /** Runs a JVM as the stack would with {@code options} (it writes the archive at its exit, if asked to). */
    private static void runJvm(List<String> options, Path jar) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), "-version"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.valueOf(command));
    }

    @Test
    void theFirstRunWritesTheArchiveAndLaterRunsMapIt() throws Exception {
        Path jar = jar();
        Path cds = directory.resolve("cds");
        List<String> first = ClassDataSharing.options(cds, "kafka", jar.toString());
        Path written = archive(first, WRITE);
        assertTrue(written != null, first.toString());
        runJvm(first, jar);
        assertTrue(Files.size(written) > 0, "the archive is written at the JVM's exit");

        List<String> later = ClassDataSharing.options(cds, "kafka", jar.toString());
        assertEquals(written, archive(later, MAP), later.toString());
        runJvm(later, jar);
    }

    @Test
    void aTruncatedArchiveIsNeverMappedButWrittenAgain() throws Exception {
        Path jar = jar();
        Path cds = directory.resolve("cds");
        List<String> first = ClassDataSharing.options(cds, "kafka", jar.toString());
        runJvm(first, jar);
        Path written = archive(first, WRITE);
        // A process stopped while writing it leaves a truncated archive, on which JDK 17 crashes (SIGBUS).
        byte[] whole = Files.readAllBytes(written);
        Files.write(written, Arrays.copyOf(whole, whole.length / 2));

        List<String> next = ClassDataSharing.options(cds, "kafka", jar.toString());
        assertEquals(written, archive(next, WRITE), next.toString());
        assertFalse(Files.exists(written), "the broken archive is deleted");
    }

    @Test
    void aChangedJarOrAnotherNodeGetsItsOwnArchive() throws Exception {
        Path jar = jar();
        String before = ClassDataSharing.options(directory, "kafka", jar.toString()).toString();
        assertNotEquals(before, ClassDataSharing.options(directory, "kafka-2", jar.toString()).toString());
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.from(1_000_000, TimeUnit.SECONDS));
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
