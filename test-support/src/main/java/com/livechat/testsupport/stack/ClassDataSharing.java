package com.livechat.testsupport.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Application class-data sharing (AppCDS) for a JVM the local stack starts, on JDK 17: the first run writes an archive
 * of the classes it loaded when it exits ({@code -XX:ArchiveClassesAtExit}), later runs map it
 * ({@code -XX:SharedArchiveFile}) instead of loading and verifying those classes from the jars again: a restarted
 * broker or service is up sooner. The archive's name carries a digest of the class path and of its jars' sizes and dates, so a
 * rebuilt or upgraded jar gets a new archive instead of one the JVM would refuse (it then runs without, with a
 * warning). A process killed with -9 writes none (its next start tries again); {@code ./livechat down} stops them
 * cleanly, so the next {@code up} has the archives.
 * <p>
 * Invariant: an archive is mapped only once a trial JVM mapped it ({@code -Xshare:on ... -version}, once per archive,
 * remembered by a {@code .ok} file next to it). JDK 17 crashes (SIGBUS) on a truncated archive, which a process
 * stopped while writing it leaves; an archive the trial refuses is deleted and written again.
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
        Path checked = directory.resolve(archive.getFileName() + ".ok");
        try {
            if (Files.isRegularFile(archive) && (Files.isRegularFile(checked) || mapsCleanly(archive, classPath))) {
                Files.writeString(checked, "");
                return List.of(QUIET, "-XX:SharedArchiveFile=" + archive.toAbsolutePath());
            }
            Files.deleteIfExists(archive);
            Files.deleteIfExists(checked);
            Files.createDirectories(directory);
        } catch (IOException e) {
            return List.of();
        }
        return List.of(QUIET, "-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath());
    }

    /** Whether a JVM on {@code classPath} maps {@code archive} and exits normally (a short trial: no main class). */
    private static boolean mapsCleanly(Path archive, String classPath) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), QUIET,
                "-Xshare:on", "-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-cp", classPath, "-version");
        try {
            Process trial = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!trial.waitFor(60, TimeUnit.SECONDS)) {
                trial.destroyForcibly();
                return false;
            }
            return trial.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
