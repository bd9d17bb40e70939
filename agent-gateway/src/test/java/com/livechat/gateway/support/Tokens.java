package com.livechat.gateway.support;

import io.smallrye.jwt.build.Jwt;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/** Tokens for tests, signed with the dev/test key (or, to forge one, with another key). */
public final class Tokens {

    public static final String ISSUER = "livechat-gateway";

    private Tokens() {
    }

    public static String agent(String agentId, String name) {
        return Jwt.issuer(ISSUER).upn(agentId).subject(agentId).groups(Set.of("agent")).claim("name", name)
                .expiresAt(Instant.now().plusSeconds(3600)).sign();
    }

    public static String supervisor(String agentId, String name) {
        return Jwt.issuer(ISSUER).upn(agentId).subject(agentId).groups(Set.of("supervisor")).claim("name", name)
                .expiresAt(Instant.now().plusSeconds(3600)).sign();
    }

    public static String admin(String agentId, String name) {
        return Jwt.issuer(ISSUER).upn(agentId).subject(agentId).groups(Set.of("admin")).claim("name", name)
                .expiresAt(Instant.now().plusSeconds(3600)).sign();
    }

    /** An agent's token valid until {@code expiresAt}. */
    public static String agentUntil(String agentId, String name, Instant expiresAt) {
        return Jwt.issuer(ISSUER).upn(agentId).subject(agentId).groups(Set.of("agent")).claim("name", name)
                .expiresAt(expiresAt).sign();
    }

    /** The token the gateway would hand the customer of {@code conversationId}. */
    public static String customer(String conversationId) {
        return Jwt.issuer(ISSUER).upn("customer:" + conversationId).subject("customer:" + conversationId)
                .groups(Set.of("customer")).claim("conversationId", conversationId)
                .expiresAt(Instant.now().plusSeconds(3600)).sign();
    }

    public static String expiredAgent(String agentId) {
        return Jwt.issuer(ISSUER).upn(agentId).subject(agentId).groups(Set.of("agent"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String forgedAgent(String agentId) {
        return Jwt.issuer(ISSUER).upn(agentId).subject(agentId).groups(Set.of("agent"))
                .expiresAt(Instant.now().plusSeconds(3600)).sign(otherKey());
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
