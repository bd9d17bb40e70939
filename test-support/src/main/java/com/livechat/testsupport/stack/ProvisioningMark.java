package com.livechat.testsupport.stack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether {@code ./livechat up} must provision the Kafka cluster (topics, SCRAM users, ACLs) or may skip it, decided
 * from what was provisioned last: a fingerprint of everything provisioning writes, kept next to node 1's data
 * ({@value #FILE}) once it succeeded.
 * <p>
 * Why: provisioning takes seconds (every credential upserted, then every principal's login tried on every node), and
 * {@code up} runs it whenever something was dead, a crashed service or a broker that was stopped, so it delayed every
 * recovery of the fault suite. The cluster keeps all of it in its metadata, so after a restart it is still there;
 * only a change of the table (a new topic, grant, principal, password or node count) needs it again.
 */
public final class ProvisioningMark {

    /** The file, in node 1's data directory (moved aside with that data when the cluster is made anew). */
    public static final String FILE = "provisioned";

    private ProvisioningMark() {
    }

    /**
     * The fingerprint of a provisioning: the topics, the ACLs, the replication factor and the principals with their
     * passwords (only a digest of them is kept). Topics and ACLs as canonical text: the same table, the same text in
     * every JVM (no {@code Map.of} iteration order in it).
     */
    public static String fingerprint(List<String> topics, List<String> acls, int replicationFactor, Map<String, String> passwords) {
        StringBuilder facts = new StringBuilder();
        topics.forEach(topic -> facts.append("topic ").append(topic).append('\n'));
        acls.forEach(acl -> facts.append("acl ").append(acl).append('\n'));
        facts.append("replication-factor ").append(replicationFactor).append('\n');
        new TreeMap<>(passwords).forEach((principal, password) -> facts.append("principal ").append(principal)
                .append(' ').append(password).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(facts.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Needed unless the recorded fingerprint is the current one. */
    public static boolean needed(Optional<String> recorded, String current) {
        return recorded.map(String::trim).filter(current::equals).isEmpty();
    }
}
