package com.livechat.e2e.support;

import com.livechat.testsupport.EmbeddedKafka;
import com.livechat.testsupport.KafkaAccess;
import com.livechat.testsupport.stack.KafkaAcls;
import com.livechat.testsupport.stack.KafkaPasswords;
import com.livechat.testsupport.stack.KafkaServerProcess;
import com.livechat.testsupport.stack.LivechatService;
import com.livechat.testsupport.stack.ServiceEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end suite's broker, secured as the local stack's (issue 17): one KRaft node as its own process, SASL/SCRAM
 * only, the ACLs of {@link KafkaAcls}; every service connects as its own principal, the tests' probes as
 * {@value KafkaAcls#ADMIN}. Started once per test JVM, stopped with it; its log is
 * {@code target/e2e-kafka-logs/kafka.log} (apart from the services' logs, which tests scan for ERROR lines).
 * When {@code LIVECHAT_TEST_KAFKA_BOOTSTRAP} names a broker of your own, that one is used, in plaintext.
 */
public final class E2eKafka {

    private static final String external = System.getenv(EmbeddedKafka.EXTERNAL_BROKER_ENV);
    private static KafkaServerProcess.Cluster cluster;
    private static Map<String, String> passwords;

    private E2eKafka() {
    }

    public static String bootstrap() {
        return admin().bootstrap();
    }

    /** The administrator (a super user): what the tests read and check with. */
    public static KafkaAccess admin() {
        return access(KafkaAcls.ADMIN);
    }

    /** The service's own principal. */
    public static KafkaAccess access(LivechatService service) {
        return access(service.shortName());
    }

    private static synchronized KafkaAccess access(String principal) {
        if (external != null && !external.isBlank()) {
            return KafkaAccess.plaintext(external);
        }
        if (cluster == null) {
            start();
        }
        return KafkaAccess.scram(cluster.bootstrap(), principal, passwords.get(principal));
    }

    private static void start() {
        try {
            Path target = LivechatService.repositoryRoot().resolve("end-to-end-tests/target");
            Files.createDirectories(target);
            Path directory = Files.createTempDirectory(target, "e2e-kafka-");
            passwords = KafkaPasswords.ensure(directory, KafkaAcls.principals());
            KafkaServerProcess.Node node = new KafkaServerProcess.Node(1, ServiceEnvironment.freePort(),
                    ServiceEnvironment.freePort(), directory.resolve("kafka"),
                    target.resolve("e2e-kafka-logs/kafka.log"));
            KafkaServerProcess.Cluster secured = new KafkaServerProcess.Cluster(List.of(node),
                    passwords.get(KafkaAcls.ADMIN));
            List<Process> processes = KafkaServerProcess.startCluster(secured, passwords, Duration.ofMinutes(2));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(Process::destroyForcibly),
                    "e2e-kafka-shutdown"));
            cluster = secured;
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare the end-to-end broker", e);
        }
    }
}
