package com.livechat.e2e;

import com.livechat.testsupport.stack.LivechatService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every Kafka input of every service waits out a broker outage, however long: SmallRye's throttled commit fails a
 * channel for good once a record has waited 60 s for its acknowledgement (its default
 * {@code throttled.unprocessed-record-max-age.ms}), and a channel failed that way stays down until the service
 * restarts. The masking service's input did that when all three brokers took 67 s to stop in the fault suite: its
 * records waited on a producer with no broker, and after the brokers came back it never read again.
 */
class KafkaInputSettingsTest {

    private static final Pattern KAFKA_INPUT =
            Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.([^.=]+)\\.connector=smallrye-kafka$");

    @ParameterizedTest
    @EnumSource(LivechatService.class)
    void everyKafkaInputWaitsOutAnOutageWithoutTimeLimit(LivechatService service) throws IOException {
        String properties = Files.readString(LivechatService.repositoryRoot().resolve(service.module())
                .resolve("src/main/resources/application.properties"));
        Matcher inputs = KAFKA_INPUT.matcher(properties);
        List<String> withLimit = inputs.results().map(input -> input.group(1))
                .filter(channel -> !properties.contains(
                        "\nmp.messaging.incoming." + channel + ".throttled.unprocessed-record-max-age.ms=0\n"))
                .toList();
        assertEquals(List.of(), withLimit, service.module() + ": inputs that give up on a record after 60 s");
    }
}
