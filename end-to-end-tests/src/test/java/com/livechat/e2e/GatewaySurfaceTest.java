package com.livechat.e2e;

import com.livechat.e2e.support.E2eStack;
import com.livechat.testsupport.stack.LivechatService;
import com.livechat.testsupport.stack.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the gateway's public port shows in production (the stack runs the prod jar): its pages and API, not its
 * health, metrics, OpenAPI document or Swagger UI, which answer on the management port only.
 */
class GatewaySurfaceTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void managementEndpointsAreOnTheManagementPortOnly() throws Exception {
        ServiceProcess gateway = E2eStack.get().instance(LivechatService.GATEWAY, 0);
        String publicUrl = "http://localhost:" + gateway.port();
        String managementUrl = "http://localhost:" + gateway.readinessPort();
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            assertEquals(404, status(publicUrl + path), "public port, " + path);
        }
        assertEquals(200, status(managementUrl + "/q/health/ready"));
        assertEquals(200, status(managementUrl + "/q/metrics"));
        assertEquals(200, status(managementUrl + "/q/openapi"));
        assertEquals(200, status(publicUrl + "/agent/"));
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
