package com.livechat.testsupport.auth;

import com.livechat.contracts.json.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens as the gateway signs them (RS256, issuer {@code livechat-gateway}, roles in {@code groups}), for tests that
 * call a service's protected API directly, and for the gateway's own tests (agents, supervisors, administrators,
 * customers, expired and forged tokens): the one token maker of the project's tests. By default signed with the committed dev/test key pair
 * ({@code livechat-platform}, {@code dev-keys/}), which every service verifies in its test profile; a stack started
 * with its own key pair passes that pair's private key ({@link #signedWith(Path)}).
 */
public final class TestTokens {

    public static final String ISSUER = "livechat-gateway";

    private static final TestTokens DEV = new TestTokens(devKey());

    private final PrivateKey key;

    private TestTokens(PrivateKey key) {
        this.key = key;
    }

    /** Tokens signed with the committed dev/test key. */
    public static TestTokens dev() {
        return DEV;
    }

    /** Tokens signed with the PKCS#8 PEM private key at {@code privateKeyPem} (a stack's own key pair). */
    public static TestTokens signedWith(Path privateKeyPem) {
        try {
            return new TestTokens(parse(Files.readString(privateKeyPem)));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + privateKeyPem, e);
        }
    }

    /**
     * The committed dev/test public key as a file, for a service started as a process in its production profile
     * ({@code JWT_VERIFY_KEY_LOCATION}), so that it accepts these tokens.
     */
    public static synchronized Path devPublicKeyFile() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("dev-keys/jwt-public.pem")) {
            if (in == null) {
                throw new IllegalStateException("dev-keys/jwt-public.pem (livechat-platform) is not on the classpath");
            }
            Path file = Files.createTempFile("livechat-dev-jwt-public", ".pem");
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the dev public key", e);
        }
    }

    /** A dev-key token of the account {@code admin} with the role admin. */
    public static String admin() {
        return DEV.token("admin", List.of("admin"));
    }

    /** A dev-key token of {@code agentId} with the role agent only. */
    public static String agent(String agentId) {
        return DEV.token(agentId, List.of("agent"));
    }

    /** A dev-key token of the agent {@code agentId} named {@code name} (role agent), valid for an hour. */
    public static String agent(String agentId, String name) {
        return agentUntil(agentId, name, Instant.now().plusSeconds(3600));
    }

    /** A dev-key token of {@code agentId} named {@code name} with the role supervisor, valid for an hour. */
    public static String supervisor(String agentId, String name) {
        return DEV.token(agentId, List.of("supervisor"), Map.of("name", name), Instant.now(),
                Instant.now().plusSeconds(3600));
    }

    /** A dev-key token of {@code agentId} named {@code name} with the role admin, valid for an hour. */
    public static String admin(String agentId, String name) {
        return DEV.token(agentId, List.of("admin"), Map.of("name", name), Instant.now(),
                Instant.now().plusSeconds(3600));
    }

    /** An agent's dev-key token valid until {@code expiresAt}. */
    public static String agentUntil(String agentId, String name, Instant expiresAt) {
        return DEV.token(agentId, List.of("agent"), Map.of("name", name), Instant.now(), expiresAt);
    }

    /** The token the gateway hands the customer of {@code conversationId} (dev key, valid for an hour). */
    public static String customer(String conversationId) {
        return DEV.token("customer:" + conversationId, List.of("customer"), Map.of("conversationId", conversationId),
                Instant.now(), Instant.now().plusSeconds(3600));
    }

    /** An agent's dev-key token that expired an hour ago. */
    public static String expiredAgent(String agentId) {
        return DEV.token(agentId, List.of("agent"), Map.of(), Instant.now().minusSeconds(7200),
                Instant.now().minusSeconds(3600));
    }

    /** An agent's token signed with a key nobody trusts (a forgery). */
    public static String forgedAgent(String agentId) {
        return new TestTokens(randomKey()).token(agentId, List.of("agent"), Map.of(), Instant.now(),
                Instant.now().plusSeconds(3600));
    }

    /** A token for {@code subject} with {@code roles}, named after the subject, valid for an hour. */
    public String token(String subject, List<String> roles) {
        Instant now = Instant.now();
        return token(subject, roles, Map.of("name", subject), now, now.plusSeconds(3600));
    }

    /** A token for {@code subject} with {@code roles} and the {@code extra} claims (e.g. {@code name}). */
    public String token(String subject, List<String> roles, Map<String, Object> extra, Instant issuedAt,
            Instant expiresAt) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        claims.putAll(extra);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput = base64(EventJson.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64(EventJson.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    private static PrivateKey randomKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey devKey() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream("dev-keys/jwt-private.pem")) {
            if (in == null) {
                throw new IllegalStateException("dev-keys/jwt-private.pem (livechat-platform) is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the dev private key", e);
        }
    }

    private static PrivateKey parse(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key", e);
        }
    }
}
