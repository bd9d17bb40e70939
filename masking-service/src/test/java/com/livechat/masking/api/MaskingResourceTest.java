package com.livechat.masking.api;

import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_masking_test"))
class MaskingResourceTest {

    @Test
    void masksWithTheCurrentPolicyAndReportsOffsetsIntoTheInput() {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("text", "Call me at + 1 (123) 456 7890 or melissa@gmail.com"))
                .when().post("/masking/mask")
                .then().statusCode(200)
                .body("text", equalTo("Call me at **********7890 or m******@gmail.com"))
                .body("findings.type", contains("PHONE", "EMAIL"))
                .body("findings.start", contains(11, 33))
                .body("findings.end", contains(29, 50));
    }

    @Test
    void seedExamplesComeOutAsPrinted() {
        Map<String, String> expected = Map.of(
                "+ 1 (123) 456 7890", "**********7890",
                "+447966197542", "*********7542",
                "melissa@gmail.com", "m******@gmail.com");
        expected.forEach((original, masked) -> asAdmin().contentType(ContentType.JSON)
                .body(Map.of("text", original))
                .when().post("/masking/mask")
                .then().statusCode(200).body("text", equalTo(masked)));
    }

    @Test
    void explicitSwitchesOverrideThePolicy() {
        String text = "card 4111 1111 1111 1111, mail melissa@gmail.com";

        asAdmin().contentType(ContentType.JSON).body(Map.of("text", text, "pci", false))
                .when().post("/masking/mask")
                .then().statusCode(200)
                .body("text", equalTo("card 4111 1111 1111 1111, mail m******@gmail.com"))
                .body("findings.type", contains("EMAIL"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("text", text, "pii", false))
                .when().post("/masking/mask")
                .then().statusCode(200)
                .body("text", equalTo("card ************1111, mail melissa@gmail.com"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("text", text, "pci", false, "pii", false))
                .when().post("/masking/mask")
                .then().statusCode(200).body("text", equalTo(text)).body("findings", empty());
    }

    @Test
    void blankTextIsRefusedWithAProblem() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("text", "   "))
                .when().post("/masking/mask")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("text"));
    }

    @Test
    void missingBodyIsRefusedWithAProblem() {
        asAdmin().contentType(ContentType.JSON)
                .when().post("/masking/mask")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void malformedJsonIsRefusedWithAProblem() {
        asAdmin().contentType(ContentType.JSON).body("{\"text\": \"unterminated")
                .when().post("/masking/mask")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", equalTo("MALFORMED_JSON"))
                .body("detail", not(containsString("at com.")));
        asAdmin().contentType(ContentType.JSON).body("{\"text\": \"hello\", \"pci\": \"maybe\"}")
                .when().post("/masking/mask")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void oversizedTextIsRefusedWithAProblem() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(10_001)))
                .when().post("/masking/mask")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("TEXT_TOO_LONG"));
    }
}
