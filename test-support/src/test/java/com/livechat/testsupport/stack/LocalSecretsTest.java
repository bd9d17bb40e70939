package com.livechat.testsupport.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The secrets the local stack makes are its owner's only, and never a well-known value (issue 17). */
class LocalSecretsTest {

    @Test
    void theJwtPrivateKeyIsReadableByItsOwnerOnlyAlsoWhenAnOlderRunLeftItOpen(@TempDir Path home) throws Exception {
        Path directory = home.resolve("keys");
        JwtKeys keys = JwtKeys.ensure(directory);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKey())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        String key = Files.readString(keys.privateKey());

        Files.setPosixFilePermissions(keys.privateKey(), PosixFilePermissions.fromString("rw-r--r--"));
        JwtKeys again = JwtKeys.ensure(directory);
        assertEquals(key, Files.readString(again.privateKey()), "the pair is reused");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(again.privateKey())));
    }

    @Test
    void kafkaPasswordsAreRandomPerPrincipalKeptForItsOwnerOnlyAndReused(@TempDir Path home) throws Exception {
        Map<String, String> passwords = KafkaPasswords.ensure(home, KafkaAcls.principals());
        Path file = home.resolve(KafkaPasswords.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(KafkaAcls.principals(), List.copyOf(passwords.keySet()));
        assertEquals(passwords.size(), Set.copyOf(passwords.values()).size(), "one password per principal");
        passwords.values().forEach(password -> assertTrue(password.matches("[A-Za-z0-9_-]{20}"), password));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(passwords, KafkaPasswords.ensure(home, KafkaAcls.principals()), "kept across runs");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Map<String, String> more = KafkaPasswords.ensure(home, List.of("gateway", "crm"));
        assertEquals(passwords.get("gateway"), more.get("gateway"));
        assertNotEquals(passwords.get("gateway"), more.get("crm"));
    }

    @Test
    void generatedAdminPasswordsAreRandomAndUrlSafe() {
        String one = AdminPassword.generate();
        String other = AdminPassword.generate();
        assertNotEquals(one, other);
        assertTrue(one.matches("[A-Za-z0-9_-]{20}"), one);
    }
}
