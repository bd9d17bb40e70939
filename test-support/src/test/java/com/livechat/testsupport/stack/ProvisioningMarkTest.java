package com.livechat.testsupport.stack;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvisioningMarkTest {

    private static final List<String> TOPICS = List.of("livechat.inbound 6 {}", "livechat.routing.events 6 {}");
    private static final List<String> ACLS = List.of("(pattern=TOPIC livechat.inbound, entry=User:gateway WRITE)");
    private static final Map<String, String> PASSWORDS = Map.of("gateway", "g1", "routing", "r1", "admin", "a1");

    private static String fingerprint(List<String> topics, List<String> acls, int replicas, Map<String, String> passwords) {
        return ProvisioningMark.fingerprint(topics, acls, replicas, passwords);
    }

    @Test
    void aRestartOfTheSameClusterSkipsProvisioning() {
        String provisioned = fingerprint(TOPICS, ACLS, 1, PASSWORDS);
        assertFalse(ProvisioningMark.needed(Optional.of(provisioned + "\n"), fingerprint(TOPICS, ACLS, 1, PASSWORDS)));
    }

    @Test
    void aClusterNeverProvisionedIsProvisioned() {
        assertTrue(ProvisioningMark.needed(Optional.empty(), fingerprint(TOPICS, ACLS, 1, PASSWORDS)));
    }

    @Test
    void anyChangeOfWhatProvisioningWritesProvisionsAgain() {
        String provisioned = fingerprint(TOPICS, ACLS, 1, PASSWORDS);
        List<String> changed = List.of(
                fingerprint(List.of(TOPICS.get(0)), ACLS, 1, PASSWORDS),
                fingerprint(TOPICS, List.of(), 1, PASSWORDS),
                fingerprint(TOPICS, ACLS, 3, PASSWORDS),
                fingerprint(TOPICS, ACLS, 1, Map.of("gateway", "g2", "routing", "r1", "admin", "a1")),
                fingerprint(TOPICS, ACLS, 1, Map.of("gateway", "g1", "routing", "r1", "admin", "a1", "bench", "b")));
        for (String current : changed) {
            assertTrue(ProvisioningMark.needed(Optional.of(provisioned), current));
        }
    }

    @Test
    void theFingerprintIgnoresTheOrderOfThePrincipalsAndIsADigest() {
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("routing", "r1");
        reversed.put("gateway", "g1");
        reversed.put("admin", "a1");
        String fingerprint = fingerprint(TOPICS, ACLS, 1, PASSWORDS);
        assertEquals(fingerprint, fingerprint(TOPICS, ACLS, 1, reversed));
        assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
    }
}
