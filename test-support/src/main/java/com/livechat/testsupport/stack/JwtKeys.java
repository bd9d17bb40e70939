package com.livechat.testsupport.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * The RSA key pair the gateway signs and verifies tokens with, as PEM files; made once, then reused. The private key is
 * readable by its owner only (0600, in a 0700 directory); a key left more open by an older run is closed down.
 */
public record JwtKeys(Path privateKey, Path publicKey) {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public static JwtKeys ensure(Path directory) {
        JwtKeys keys = new JwtKeys(directory.resolve("jwt-private.pem"), directory.resolve("jwt-public.pem"));
        try {
            if (Files.isRegularFile(keys.privateKey) && Files.isRegularFile(keys.publicKey)) {
                Files.setPosixFilePermissions(keys.privateKey, OWNER_ONLY);
                return keys;
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            Files.deleteIfExists(keys.privateKey);
            Files.createFile(keys.privateKey, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(keys.privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(keys.publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return keys;
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("Could not create the JWT key pair in " + directory, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
