package com.livechat.testsupport.stack;

import com.livechat.contracts.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Who may do what on the broker (issue 17): one SASL/SCRAM principal per service, each allowed exactly the topics it
 * writes and reads and its own consumer groups, nothing else ({@code allow.everyone.if.no.acl.found=false}). Derived
 * from the services' channels (application.properties) and their outbox relays; {@code docs/events.md}, "Access
 * control", is this table for other systems, and {@code KafkaAclsTest} keeps the two and the channels in step.
 * The principal {@value #ADMIN} (brokers, topic provisioning, operators) is a super user. No service uses
 * transactions, so no transactional id is granted.
 */
public final class KafkaAcls {

    /** The brokers' own principal and the administrator's: a super user. */
    public static final String ADMIN = "admin";

    /**
     * What one principal may do.
     *
     * @param writes      topics it produces to
     * @param reads       topics it consumes
     * @param group       its consumer group id, or the prefix of its group ids when {@code groupPattern} is PREFIXED
     * @param topicPrefix topics it may create, write and read (the bench's own), or null
     */
    public record Grant(String principal, List<String> writes, List<String> reads, String group,
            PatternType groupPattern, String topicPrefix) {
    }

    public static final List<Grant> GRANTS = List.of(
            // Every gateway instance reads with groups of its own: agent-gateway-<instance>, agent-gateway-typing-<instance>.
            new Grant("gateway", List.of(Topics.INBOUND, Topics.ROUTING_COMMANDS, Topics.TYPING),
                    List.of(Topics.CONVERSATION_EVENTS, Topics.ROUTING_EVENTS, Topics.REFERENCE_DATA, Topics.TYPING),
                    "agent-gateway-", PatternType.PREFIXED, null),
            new Grant("masking", List.of(Topics.CONVERSATION_COMMANDS, Topics.INBOUND_DEAD_LETTER),
                    List.of(Topics.INBOUND), "masking-service", PatternType.LITERAL, null),
            // The outbox relay publishes conversation events and the reference data of wrap-up reasons and templates.
            new Grant("conversation", List.of(Topics.CONVERSATION_EVENTS, Topics.REFERENCE_DATA),
                    List.of(Topics.CONVERSATION_COMMANDS, Topics.ROUTING_EVENTS), "conversation-service",
                    PatternType.LITERAL, null),
            // The outbox relay publishes routing events and the reference data of queues, agents and idle codes.
            new Grant("routing", List.of(Topics.ROUTING_EVENTS, Topics.REFERENCE_DATA, Topics.ROUTING_DEAD_LETTER),
                    List.of(Topics.ROUTING_COMMANDS, Topics.CONVERSATION_EVENTS), "routing-service",
                    PatternType.LITERAL, null),
            // ./livechat bench: the hop timestamps (raw inbound included: a measuring tool of the local stack; the
            // routing events for the offer's hop) and its own two-hop topics livechat.bench.*.
            new Grant("bench", List.of(),
                    List.of(Topics.INBOUND, Topics.CONVERSATION_COMMANDS, Topics.CONVERSATION_EVENTS,
                            Topics.ROUTING_EVENTS),
                    "bench-", PatternType.PREFIXED, "livechat.bench."));

    private KafkaAcls() {
    }

    /** Every principal of the table, then {@value #ADMIN}. */
    public static List<String> principals() {
        List<String> names = new ArrayList<>(GRANTS.stream().map(Grant::principal).toList());
        names.add(ADMIN);
        return names;
    }

    public static Grant of(String principal) {
        return GRANTS.stream().filter(grant -> grant.principal().equals(principal)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No Kafka principal " + principal));
    }

    /** The ACLs of the whole table. */
    public static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Grant grant : GRANTS) {
            for (String topic : grant.writes()) {
                bindings.add(allow(grant, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                        AclOperation.WRITE));
            }
            for (String topic : grant.reads()) {
                bindings.add(allow(grant, new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                        AclOperation.READ));
            }
            bindings.add(allow(grant, new ResourcePattern(ResourceType.GROUP, grant.group(), grant.groupPattern()),
                    AclOperation.READ));
            if (grant.topicPrefix() != null) {
                ResourcePattern own = new ResourcePattern(ResourceType.TOPIC, grant.topicPrefix(), PatternType.PREFIXED);
                for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.WRITE, AclOperation.READ)) {
                    bindings.add(allow(grant, own, operation));
                }
            }
        }
        return bindings;
    }

    /** Creates the table's ACLs (those that exist already stay as they are). */
    public static void apply(Admin admin) {
        try {
            admin.createAcls(bindings()).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the Kafka ACLs: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the Kafka ACLs", e);
        }
    }

    private static AclBinding allow(Grant grant, ResourcePattern pattern, AclOperation operation) {
        return new AclBinding(pattern, new AccessControlEntry("User:" + grant.principal(), "*", operation,
                AclPermissionType.ALLOW));
    }
}
