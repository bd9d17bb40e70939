package com.livechat.e2e;

import com.livechat.testsupport.stack.LivechatService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's artifacts (the Quarkus application the stack and the Docker image run, and the plain jar installed
 * into the Maven repository) hold the dev/test JWT public key at most, never its private key: a token signed with a
 * committed key would be accepted by any gateway that shipped it.
 */
class ArtifactsTest {

    private static final String PRIVATE_KEY = "dev-keys/jwt-private.pem";

    @Test
    void theDevPrivateKeyIsInNoGatewayArtifact() throws IOException {
        Path target = LivechatService.repositoryRoot().resolve("agent-gateway/target");
        List<Path> jars;
        try (Stream<Path> files = Stream.concat(Files.list(target), Files.list(target.resolve("quarkus-app/app")))) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).toList();
        }
        assertTrue(jars.size() >= 2, "the gateway is packaged: " + jars);
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertFalse(zip.stream().anyMatch(entry -> entry.getName().endsWith("jwt-private.pem")),
                        jar + " holds " + PRIVATE_KEY);
            }
        }
    }
}
