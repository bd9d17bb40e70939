package com.livechat.testsupport.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The local stack's Kafka passwords, one random password per principal ({@link KafkaAcls#principals()}), made by
 * the first {@code up} and kept in {@code .livechat/kafka-passwords} (mode 0600; never in a jar or an image): each
 * service gets its own by environment, {@code ./livechat bench} the bench's.
 */
public final class KafkaPasswords {

    public static final String FILE = "kafka-passwords";

    private KafkaPasswords() {
    }

    /** Whether {@code home} holds the passwords file. */
    public static boolean exist(Path home) {
        return Files.isRegularFile(home.resolve(FILE));
    }

    /** The passwords of {@code principals}, generating (and saving) those missing. */
    public static Map<String, String> ensure(Path home, List<String> principals) {
        Path file = home.resolve(FILE);
        try {
            Properties saved = new Properties();
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    saved.load(reader);
                }
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            boolean added = false;
            for (String principal : principals) {
                String password = saved.getProperty(principal);
                if (password == null || password.isBlank()) {
                    password = AdminPassword.generate();
                    saved.setProperty(principal, password);
                    added = true;
                }
                passwords.put(principal, password);
            }
            if (added || !Files.isRegularFile(file)) {
                write(home, file, saved);
            } else {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return passwords;
        } catch (IOException e) {
            throw new IllegalStateException("Could not keep the Kafka passwords in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path home, Path file, Properties passwords) throws IOException {
        Files.createDirectories(home);
        StringBuilder text = new StringBuilder("# Kafka SASL/SCRAM passwords of the local stack's principals (docs/events.md, Access control)\n");
        new TreeMap<>(passwords).forEach((name, password) -> text.append(name).append('=').append(password).append('\n'));
        Path temporary = home.resolve(FILE + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
