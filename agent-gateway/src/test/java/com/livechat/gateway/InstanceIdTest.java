package com.livechat.gateway;

import com.livechat.gateway.config.GatewayConfig;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two instances on one host get different consumer groups without any INSTANCE_ID: the default names the port. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class InstanceIdTest {

    @Inject
    GatewayConfig config;

    @Test
    void theDefaultInstanceIdIsTheHostNameAndTheHttpPort() throws Exception {
        // The configured port (tests listen on a random one, but the configured value is what an instance is given).
        String id = config.instanceId();
        assertTrue(id.matches(Pattern.quote(InetAddress.getLocalHost().getHostName()) + "-\\d+"), id);
    }
}
