package com.livechat.testsupport.stack;

import org.junit.jupiter.api.Test;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A service killed with -9 leaves a member in each of its consumer groups that the broker drops only when its session
 * times out; its restarted copy (or, for routing and conversation, the other instance) gets the partitions only
 * then. Kafka's default of 45 s made messages flow again 43-45 s after a crash (issue 17, measured by
 * {@code ./livechat faults}): every Kafka input of every service must time a dead member out within 6 s (the
 * broker's minimum), with heartbeats at most a third of that. These are the dynamic members' figures; a named
 * instance's consumers are static members and get a longer session ({@code StaticMembers.SESSION_TIMEOUT_MS},
 * livechat-platform): a restarted static member rejoins under its id and takes its partitions back at once.
 */
class ConsumerSessionTimeoutsTest {

    static final int MAX_SESSION_TIMEOUT_MS = 6000;

    @Test
    void everyKafkaInputOfEveryServiceDropsADeadMemberWithinSixSeconds() throws Exception {
        Path root = LivechatService.repositoryRoot();
        List<String> problems = new ArrayList<>();
        int channels = 0;
        for (LivechatService service : LivechatService.values()) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(root.resolve(service.module())
                    .resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            for (String key : properties.stringPropertyNames()) {
                if (!key.startsWith("mp.messaging.incoming.") || !key.endsWith(".connector")
                        || !"smallrye-kafka".equals(properties.getProperty(key).trim())) {
                    continue;
                }
                channels++;
                String channel = key.substring(0, key.length() - ".connector".length());
                String session = properties.getProperty(channel + ".session.timeout.ms");
                String heartbeat = properties.getProperty(channel + ".heartbeat.interval.ms");
                if (session == null || Integer.parseInt(session.trim()) > MAX_SESSION_TIMEOUT_MS) {
                    problems.add(service.module() + " " + channel + ".session.timeout.ms=" + session);
                } else if (heartbeat == null || 3 * Integer.parseInt(heartbeat.trim()) > Integer.parseInt(session.trim())) {
                    problems.add(service.module() + " " + channel + ".heartbeat.interval.ms=" + heartbeat);
                }
            }
        }
        assertFalse(channels < 9, "found only " + channels + " Kafka inputs");
        assertEquals(List.of(), problems);
    }
}
