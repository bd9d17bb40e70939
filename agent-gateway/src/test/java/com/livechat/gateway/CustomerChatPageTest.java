package com.livechat.gateway;

import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;

/** The customer chat lives at /chat/ (the built app); the old /chat.html address leads there. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class CustomerChatPageTest {

    @Test
    void theOldChatPageRedirectsToTheChatApp() {
        given().redirects().follow(false).when().get("/chat.html")
                .then().statusCode(301).header("Location", endsWith("/chat/"));
    }
}
