package com.livechat.e2e;

import com.livechat.contracts.events.Topics;
import com.livechat.testsupport.stack.LivechatService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Map<String, Object> kafka = map(service("kafka").get("environment"));
        assertTrue(String.valueOf(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains(
                "PLAINTEXT://" + env.get("KAFKA_BOOTSTRAP_SERVERS")));
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
