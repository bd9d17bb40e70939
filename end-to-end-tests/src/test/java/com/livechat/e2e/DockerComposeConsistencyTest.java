package com.livechat.e2e;

import com.livechat.contracts.events.Topics;
import com.livechat.testsupport.stack.KafkaAcls;
import com.livechat.testsupport.stack.LivechatService;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Docker engine runs where the suite runs, so this reads docker-compose.yml and checks it against what the
 * services really are: their modules and Dockerfiles, their ports, the environment variables their
 * application.properties read, the databases the PostgreSQL init script creates, and the topics of the contract.
 */
class DockerComposeConsistencyTest {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Path ROOT = LivechatService.repositoryRoot();
    /** The Kafka nodes: the names the local stack gives them too (kafka, kafka-2, kafka-3). */
    private static final List<String> KAFKA_NODES = List.of("kafka", "kafka-2", "kafka-3");

    private final Map<String, Object> compose = load();

    @ParameterizedTest
    @EnumSource(LivechatService.class)
    void everyServiceIsBuiltFromItsOwnModuleAndDockerfile(LivechatService service) {
        Map<String, Object> build = map(service(service.module()).get("build"));
        assertEquals(service.module(), build.get("context"));
        assertEquals("src/main/docker/Dockerfile.jvm", build.get("dockerfile"));
        assertTrue(Files.isRegularFile(ROOT.resolve(service.module()).resolve("src/main/docker/Dockerfile.jvm")));
    }

    @ParameterizedTest
    @EnumSource(LivechatService.class)
    void portsAgreeEverywhere(LivechatService service) throws IOException {
        int port = service.defaultPort();
        Map<String, Object> definition = service(service.module());
        // Only the gateway faces users; the others (admin APIs behind tokens, reached through the gateway) this host only.
        String published = service == LivechatService.GATEWAY ? port + ":" + port : "127.0.0.1:" + port + ":" + port;
        assertEquals(List.of(published), definition.get("ports"));
        assertEquals(String.valueOf(port), String.valueOf(environment(service).get("QUARKUS_HTTP_PORT")));
        assertTrue(properties(service).contains("quarkus.http.port=${QUARKUS_HTTP_PORT:" + port + "}"),
                service.module() + " does not default to port " + port);
        assertTrue(Files.readString(ROOT.resolve(service.module()).resolve("src/main/docker/Dockerfile.jvm"))
                .contains("EXPOSE " + port));
    }

    @ParameterizedTest
    @EnumSource(LivechatService.class)
    void composeSetsExactlyTheVariablesTheServiceReads(LivechatService service) throws IOException {
        Map<String, Boolean> read = variablesRead(service);
        Set<String> set = environment(service).keySet();

        Set<String> unread = new TreeSet<>(set);
        unread.removeAll(read.keySet());
        assertTrue(unread.isEmpty(), service.module() + " never reads " + unread);

        Set<String> missing = read.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)
                .filter(name -> !set.contains(name)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), service.module() + " needs " + missing + " without a default");
        assertTrue(set.containsAll(List.of("KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER",
                "DB_PASSWORD")), service.module() + " is not wired to Kafka and its database");
    }

    @ParameterizedTest
    @EnumSource(LivechatService.class)
    void servicesReachTheBrokerAndTheirOwnDatabase(LivechatService service) throws IOException {
        Map<String, Object> env = environment(service);
        List<String> clientListeners = new ArrayList<>();
        for (String node : KAFKA_NODES) {
            Map<String, Object> kafka = map(service(node).get("environment"));
            String advertised = String.valueOf(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
            Matcher client = Pattern.compile("CLIENT://([^,]+)").matcher(advertised);
            assertTrue(client.find(), node + " advertises no CLIENT listener: " + advertised);
            assertEquals(node + ":9092", client.group(1));
            clientListeners.add(client.group(1));
        }
        assertEquals(String.join(",", clientListeners), env.get("KAFKA_BOOTSTRAP_SERVERS"),
                service.module() + " must know every broker");
        assertEquals("postgres", env.get("DB_HOST"));
        assertTrue(compose().containsKey("postgres"));

        String init = Files.readString(ROOT.resolve("docker/postgres/init.sql"));
        assertTrue(init.contains("create role " + env.get("DB_USER") + " login password '" + env.get("DB_PASSWORD") + "';"),
                "init.sql does not create the role of " + service.module());
        assertTrue(init.contains("create database " + env.get("DB_NAME") + " owner " + env.get("DB_USER") + ";"),
                "init.sql does not create the database of " + service.module());
        assertEquals("livechat_" + service.shortName(), env.get("DB_NAME"));
        assertTrue(map(service(service.module()).get("depends_on")).keySet().containsAll(List.of("kafka-topics", "postgres")));
    }

    /** The production shape (issue 17): three KRaft nodes, one quorum, replication factor 3, min.insync.replicas 2. */
    @Test
    void theBrokerIsThreeReplicatedKraftNodes() {
        Set<Object> ids = new TreeSet<>();
        for (String node : KAFKA_NODES) {
            Map<String, Object> env = map(service(node).get("environment"));
            ids.add(String.valueOf(env.get("KAFKA_NODE_ID")));
            assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
            assertEquals("1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093", env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
            assertEquals(map(service("kafka").get("environment")).get("CLUSTER_ID"), env.get("CLUSTER_ID"));
            assertEquals("3", String.valueOf(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR")));
            assertEquals("2", String.valueOf(env.get("KAFKA_MIN_INSYNC_REPLICAS")));
            assertEquals("3", String.valueOf(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")));
            assertEquals("3", String.valueOf(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")));
            assertEquals("2", String.valueOf(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")));
            assertTrue(String.valueOf(((List<?>) service(node).get("volumes")).get(0)).startsWith(node + "-data:"),
                    node + " has a volume of its own");
        }
        assertEquals(Set.of("1", "2", "3"), ids);
        String script = String.valueOf(((List<?>) service("kafka-topics").get("command")).get(0));
        assertTrue(script.contains("--replication-factor 3 --config min.insync.replicas=2"), script);
    }

    /** Issue 17: no listener takes an unauthenticated client, and only the ACLs' grants are allowed. */
    @Test
    void everyKafkaListenerAuthenticatesAndTheAuthorizerDeniesByDefault() {
        for (String node : KAFKA_NODES) {
            Map<String, Object> env = map(service(node).get("environment"));
            String protocols = String.valueOf(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"));
            for (String listener : protocols.split(",")) {
                assertTrue(listener.endsWith(":SASL_PLAINTEXT") || listener.endsWith(":SASL_SSL"),
                        node + " has an unauthenticated listener: " + listener);
            }
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS"));
            assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", env.get("KAFKA_AUTHORIZER_CLASS_NAME"));
            assertEquals("false", String.valueOf(env.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")));
            assertEquals("User:" + KafkaAcls.ADMIN, env.get("KAFKA_SUPER_USERS"));
            assertTrue(String.valueOf(env.get("KAFKA_LISTENER_NAME_INTERNAL_PLAIN_SASL_JAAS_CONFIG"))
                    .contains("${LIVECHAT_KAFKA_ADMIN_PASSWORD:?"), "the admin password must be given, not defaulted");
        }
    }

    /** Each service authenticates as its own principal, with a password that must be given. */
    @ParameterizedTest
    @EnumSource(LivechatService.class)
    void everyServiceIsItsOwnKafkaPrincipal(LivechatService service) {
        Map<String, Object> env = environment(service);
        assertEquals("SASL_PLAINTEXT", env.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM"));
        String principal = service.shortName();
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"${LIVECHAT_KAFKA_" + principal.toUpperCase() + "_PASSWORD:?set LIVECHAT_KAFKA_"
                + principal.toUpperCase() + "_PASSWORD}\";", env.get("KAFKA_SASL_JAAS_CONFIG"));
        String script = String.valueOf(((List<?>) service("kafka-topics").get("command")).get(0));
        assertTrue(script.contains("user " + principal + " \"$$LIVECHAT_KAFKA_" + principal.toUpperCase() + "_PASSWORD\""),
                "kafka-topics does not create the user " + principal);
    }

    /** The ACLs docker-compose creates are exactly the local stack's table (KafkaAcls) for the four services. */
    @Test
    void theAclsAreTheLocalStacksTable() {
        String script = String.valueOf(((List<?>) service("kafka-topics").get("command")).get(0));
        Matcher allow = Pattern.compile("(?m)^\\s*allow (\\S+) (Read|Write|Create) (topic|group) (\\S+)( prefixed)?$")
                .matcher(script);
        Set<String> declared = new TreeSet<>();
        while (allow.find()) {
            declared.add(allow.group(1) + " " + allow.group(2).toUpperCase() + " " + allow.group(3).toUpperCase() + " "
                    + allow.group(4) + " " + (allow.group(5) == null ? "LITERAL" : "PREFIXED"));
        }
        Set<String> services = new TreeSet<>();
        for (LivechatService service : LivechatService.values()) {
            services.add(service.shortName());
        }
        Set<String> expected = new TreeSet<>();
        for (AclBinding binding : KafkaAcls.bindings()) {
            String principal = binding.entry().principal().substring("User:".length());
            if (services.contains(principal)) {
                expected.add(principal + " " + binding.entry().operation() + " " + binding.pattern().resourceType() + " "
                        + binding.pattern().name() + " " + binding.pattern().patternType());
            }
        }
        assertEquals(expected, declared);
    }

    @Test
    void topicsAreCreatedAsTheContractDeclaresThem() {
        String script = String.valueOf(((List<?>) service("kafka-topics").get("command")).get(0));
        Matcher create = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+) (\\S+)$").matcher(script);
        Map<String, String> declared = new HashMap<>();
        while (create.find()) {
            declared.put(create.group(1), create.group(2) + " " + create.group(3));
        }
        Map<String, String> expected = new HashMap<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            assertEquals(1, spec.config().size(), "one setting per topic keeps the compose script simple");
            Map.Entry<String, String> setting = spec.config().entrySet().iterator().next();
            expected.put(spec.name(), spec.partitions() + " " + setting.getKey() + "=" + setting.getValue());
        }
        assertEquals(expected, declared);
    }

    /** The gateway's /q/* endpoints listen on its management port, inside the compose network, never published. */
    @Test
    void theGatewayManagementPortIsNotPublished() {
        Map<String, Object> gateway = service(LivechatService.GATEWAY.module());
        Map<String, Object> env = map(gateway.get("environment"));
        String managementPort = String.valueOf(env.get("MANAGEMENT_PORT"));
        assertEquals(String.valueOf(LivechatService.DEFAULT_MANAGEMENT_PORT), managementPort);
        assertEquals("0.0.0.0", String.valueOf(env.get("MANAGEMENT_HOST")), "reachable by probes inside the network");
        assertTrue(String.valueOf(gateway.get("ports")).indexOf(managementPort) < 0, "published: " + gateway.get("ports"));
    }

    @Test
    void theAdminPasswordMustBeGivenNotDefaulted() {
        String password = String.valueOf(environment(LivechatService.GATEWAY).get("LIVECHAT_ADMIN_PASSWORD"));
        assertTrue(password.startsWith("${LIVECHAT_ADMIN_PASSWORD:?"), password);
    }

    @ParameterizedTest
    @EnumSource(LivechatService.class)
    void everyServiceVerifiesTokensWithTheGatewaysPublicKey(LivechatService service) {
        Map<String, Object> env = environment(service);
        List<?> volumes = (List<?>) service(service.module()).get("volumes");
        assertTrue(volumes != null && volumes.contains("jwt-keys:/keys:ro"), service.module() + " has no keys");
        assertEquals(environment(LivechatService.GATEWAY).get("JWT_VERIFY_KEY_LOCATION"),
                env.get("JWT_VERIFY_KEY_LOCATION"));
        assertTrue(map(service(service.module()).get("depends_on")).containsKey("jwt-keys"));
    }

    @Test
    void theGatewayForwardsAdministrationToTheServicesByTheirComposeNames() {
        Map<String, Object> env = environment(LivechatService.GATEWAY);
        for (LivechatService owner : List.of(LivechatService.ROUTING, LivechatService.CONVERSATION,
                LivechatService.MASKING)) {
            assertEquals("http://" + owner.module() + ":" + owner.defaultPort(),
                    env.get(owner.shortName().toUpperCase() + "_SERVICE_URL"));
        }
    }

    @Test
    void gatewayKeysAreMountedWhereItsVariablesPoint() {
        Map<String, Object> env = environment(LivechatService.GATEWAY);
        List<?> volumes = (List<?>) service(LivechatService.GATEWAY.module()).get("volumes");
        assertTrue(volumes.contains("jwt-keys:/keys:ro"));
        assertTrue(String.valueOf(env.get("JWT_SIGN_KEY_LOCATION")).startsWith("/keys/"));
        assertTrue(String.valueOf(env.get("JWT_VERIFY_KEY_LOCATION")).startsWith("/keys/"));
        String keys = String.valueOf(((List<?>) service("jwt-keys").get("command")).get(0));
        assertTrue(keys.contains(String.valueOf(env.get("JWT_SIGN_KEY_LOCATION"))));
        assertTrue(keys.contains(String.valueOf(env.get("JWT_VERIFY_KEY_LOCATION"))));
    }

    /** Variables named in the service's configuration outside %dev/%test, with whether they have a default. */
    private static Map<String, Boolean> variablesRead(LivechatService service) throws IOException {
        Map<String, Boolean> read = new HashMap<>();
        for (String line : properties(service).lines().toList()) {
            if (line.startsWith("#") || line.startsWith("%dev.") || line.startsWith("%test.")) {
                continue;
            }
            Matcher reference = ENV_REFERENCE.matcher(line);
            while (reference.find()) {
                read.merge(reference.group(1), reference.group(2) != null, Boolean::logicalAnd);
            }
        }
        return read;
    }

    private static String properties(LivechatService service) throws IOException {
        return Files.readString(ROOT.resolve(service.module()).resolve("src/main/resources/application.properties"));
    }

    private Map<String, Object> environment(LivechatService service) {
        return map(service(service.module()).get("environment"));
    }

    private Map<String, Object> service(String name) {
        Map<String, Object> service = map(compose().get(name));
        assertTrue(service != null && !service.isEmpty(), "docker-compose.yml has no service " + name);
        return service;
    }

    private Map<String, Object> compose() {
        return map(compose.get("services"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
