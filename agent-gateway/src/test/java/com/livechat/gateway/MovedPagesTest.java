package com.livechat.gateway;

import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** The desktop and the customer chat live at /agent/ and /chat/ (the built apps); the old addresses lead there. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_gateway_test"))
class MovedPagesTest {

    @Test
    void theOldAgentPageRedirectsToTheDesktopApp() {
        given().redirects().follow(false).when().get("/agent.html")
                .then().statusCode(301).header("Location", endsWith("/agent/"));
    }

    @Test
    void theBuiltPagesAreStillServedBesideTheRedirects() {
        given().when().get("/agent/").then().statusCode(200).contentType(containsString("text/html"));
        given().when().get("/chat/").then().statusCode(200).contentType(containsString("text/html"));
        given().when().get("/widget.js").then().statusCode(200);
    }

    @Test
    void theOldChatPageRedirectsToTheChatApp() {
        given().redirects().follow(false).when().get("/chat.html")
                .then().statusCode(301).header("Location", endsWith("/chat/"));
    }
}
