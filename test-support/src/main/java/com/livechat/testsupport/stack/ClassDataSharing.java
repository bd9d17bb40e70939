package com.livechat.testsupport.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Application class-data sharing (AppCDS) for a JVM the local stack starts, on JDK 17: the first run writes an archive
 * of the classes it loaded when it exits ({@code -XX:ArchiveClassesAtExit}), later runs map it
 * ({@code -XX:SharedArchiveFile}) instead of loading and verifying those classes from the jars again: a restarted
 * broker or service is up sooner. The archive's name carries a digest of the class path and of its jars' sizes and dates, so a
 * rebuilt or upgraded jar gets a new archive instead of one the JVM would refuse (it then runs without, with a
 * warning). A JVM that cannot map an archive simply runs without it. A process killed with -9 writes none (its next
 * start tries again); {@code ./livechat down} stops them cleanly, so the next {@code up} has the archives.
 */
final class ClassDataSharing {

    /**
     * System property: where the archives are kept. Unset (the tests' stacks, short-lived), none is used; the local
     * stack sets it ({@code .livechat/cds}) for its brokers and services.
     */
    static final String DIRECTORY_PROPERTY = "livechat.stack.cds-directory";

    /** Without it, writing an archive logs one warning per class it leaves out (hundreds) into the component's log. */
    private static final String QUIET = "-Xlog:cds*=off";

    private ClassDataSharing() {
    }

    /** The archives' directory, when this JVM's stack uses archives. */
    static Optional<Path> directory() {
        return Optional.ofNullable(System.getProperty(DIRECTORY_PROPERTY)).filter(value -> !value.isBlank())
                .map(Path::of);
    }

    /** The JVM options for {@code component} with archives kept in {@code directory}. */
    static List<String> options(Path directory, String component, String classPath) {
        Path archive = directory.resolve(component + "-" + digest(classPath) + ".jsa");
        if (Files.isRegularFile(archive)) {
            return List.of(QUIET, "-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        }
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            return List.of();
        }
        return List.of(QUIET, "-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
    }

    /** The jars of {@code classPath}, in order (class directories cannot be archived). */
    static String jarsOnly(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> entry.endsWith(".jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String digest(String classPath) {
        StringBuilder facts = new StringBuilder(classPath);
        for (String entry : classPath.split(File.pathSeparator)) {
            File jar = new File(entry);
            facts.append('|').append(jar.length()).append('@').append(jar.lastModified());
        }
        return Integer.toHexString(facts.toString().hashCode());
    }
}
