package com.livechat.testsupport.auth;

import com.livechat.contracts.json.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
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
 * call a service's protected API directly. By default signed with the committed dev/test key pair
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

    /** A token for {@code subject} with {@code roles}, valid for an hour. */
    public String token(String subject, List<String> roles) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
        claims.put("name", subject);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
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
