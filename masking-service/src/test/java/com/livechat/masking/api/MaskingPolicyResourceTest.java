package com.livechat.masking.api;

import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import com.livechat.testsupport.auth.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static com.livechat.testsupport.auth.AdminRequests.asAgent;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_masking_test"))
class MaskingPolicyResourceTest {

    private static final String CARD_AND_EMAIL = "card 4111 1111 1111 1111, mail melissa@gmail.com";

    @AfterEach
    void maskEverythingAgain() {
        changePolicy(true, true, "test-cleanup").then().statusCode(200);
    }

    @Test
    void readsTheStoredPolicy() {
        asAdmin().when().get("/admin/masking-policy")
                .then().statusCode(200)
                .body("pciEnabled", equalTo(true))
                .body("piiEnabled", equalTo(true))
                .body("updatedAt", notNullValue())
                .body("updatedBy", notNullValue());
    }

    @Test
    void turningPciOffTakesEffectAtOnceAndIsAudited() {
        changePolicy(false, true, "  admin.alice  ")
                .then().statusCode(200)
                .body("pciEnabled", equalTo(false))
                .body("piiEnabled", equalTo(true))
                .body("updatedBy", equalTo("admin.alice"));

        asAdmin().when().get("/admin/masking-policy")
                .then().statusCode(200).body("pciEnabled", equalTo(false)).body("updatedBy", equalTo("admin.alice"));
        maskedText().body("text", equalTo("card 4111 1111 1111 1111, mail m******@gmail.com"));
        asAdmin().when().get("/admin/masking-policy/audit?page=0&size=1")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items.size()", equalTo(1))
                .body("items[0].changedBy", equalTo("admin.alice"))
                .body("items[0].pciEnabledBefore", equalTo(true))
                .body("items[0].pciEnabled", equalTo(false))
                .body("items[0].piiEnabledBefore", equalTo(true))
                .body("items[0].piiEnabled", equalTo(true))
                .body("items[0].changedAt", notNullValue());
    }

    @Test
    void aChangeStoredByAnotherInstanceIsPickedUpWithoutRestart() throws Exception {
        maskedText().body("text", equalTo("card ************1111, mail m******@gmail.com"));

        // Another instance changed the policy: only the database knows.
        try (Connection db = DriverManager.getConnection(config("quarkus.datasource.jdbc.url"),
                config("quarkus.datasource.username"), config("quarkus.datasource.password"));
                Statement update = db.createStatement()) {
            update.executeUpdate("update masking_policy set pii_enabled = false, version = version + 1,"
                    + " updated_by = 'other-instance', updated_at = now()");
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                maskedText().body("text", equalTo("card ************1111, mail melissa@gmail.com")));
    }

    @Test
    void invalidChangesAreRefusedWithAProblem() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("piiEnabled", true, "changedBy", "admin"))
                .when().put("/admin/masking-policy")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("pciEnabled"));
        // Who changed the policy is the token's administrator, whatever the body claims.
        asAdmin().contentType(ContentType.JSON).body(Map.of("pciEnabled", true, "piiEnabled", true, "changedBy", "someone.else"))
                .when().put("/admin/masking-policy")
                .then().statusCode(200).body("updatedBy", equalTo("admin"));
        asAdmin().contentType(ContentType.JSON).body("{\"pciEnabled\": \"sometimes\"}")
                .when().put("/admin/masking-policy")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
        asAdmin().when().get("/admin/masking-policy/audit?size=1000")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().when().get("/admin/masking-policy/audit?page=-1")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aPageFarBeyondTheEndIsEmpty() {
        changePolicy(true, true, "admin.paging").then().statusCode(200);

        // page * size no longer fits in an int: the first row to read must not overflow.
        asAdmin().when().get("/admin/masking-policy/audit?page=50000000&size=100")
                .then().statusCode(200)
                .body("page", equalTo(50000000)).body("items.size()", equalTo(0))
                .body("total", greaterThanOrEqualTo(1));
        asAdmin().when().get("/admin/masking-policy/audit?page=" + Integer.MAX_VALUE + "&size=100")
                .then().statusCode(200).body("items.size()", equalTo(0));
        // Not an int at all: a bad request (JAX-RS alone would answer 404, as if the resource did not exist).
        asAdmin().when().get("/admin/masking-policy/audit?page=99999999999")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_PARAMETER"));
    }

    @Test
    void aSingleTypeCanBeSwitchedOffWithinItsCategoryAndTheSwitchIsAudited() {
        String text = "CF RSSMRA85T10A562S, carte 4111 1111 1111 1111, NIR 1 85 05 78 006 084 91";
        try {
            asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("pciEnabled", true, "piiEnabled", true, "changedBy", "admin.alice",
                            "types", Map.of("IT_CODICE_FISCALE", false)))
                    .when().put("/admin/masking-policy")
                    .then().statusCode(200)
                    .body("pciEnabled", equalTo(true))
                    .body("types.IT_CODICE_FISCALE.enabled", equalTo(false))
                    .body("types.IT_CODICE_FISCALE.masked", equalTo(false))
                    .body("types.FR_NIR.category", equalTo("PCI"))
                    .body("types.FR_NIR.masked", equalTo(true));

            asAdmin().contentType(ContentType.JSON).body(Map.of("text", text)).when().post("/masking/mask")
                    .then().statusCode(200)
                    .body("text", equalTo("CF RSSMRA85T10A562S, carte ************1111, NIR ***********8491"));
            asAdmin().when().get("/admin/masking-policy/audit?page=0&size=1")
                    .then().statusCode(200)
                    .body("items[0].typesOffBefore", equalTo(java.util.List.of()))
                    .body("items[0].typesOff", equalTo(java.util.List.of("IT_CODICE_FISCALE")));

            // A body without "types" (as before per-type switches existed) leaves them as they are.
            changePolicy(true, true, "admin.bob").then().statusCode(200)
                    .body("types.IT_CODICE_FISCALE.enabled", equalTo(false));
            // A category switched off masks none of its types, whatever their own switch.
            changePolicy(false, true, "admin.bob").then().statusCode(200)
                    .body("types.FR_NIR.enabled", equalTo(true))
                    .body("types.FR_NIR.masked", equalTo(false));
        } finally {
            asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("pciEnabled", true, "piiEnabled", true, "changedBy", "test-cleanup",
                            "types", Map.of("IT_CODICE_FISCALE", true)))
                    .when().put("/admin/masking-policy")
                    .then().statusCode(200).body("types.IT_CODICE_FISCALE.masked", equalTo(true));
        }
    }

    @Test
    void anUnknownTypeOrASwitchWithoutValueIsABadRequest() {
        asAdmin().contentType(ContentType.JSON)
                .body("{\"pciEnabled\": true, \"piiEnabled\": true, \"changedBy\": \"a\", \"types\": {\"PASSPORT\": false}}")
                .when().put("/admin/masking-policy")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
        asAdmin().contentType(ContentType.JSON)
                .body("{\"pciEnabled\": true, \"piiEnabled\": true, \"changedBy\": \"a\", \"types\": {\"IBAN\": null}}")
                .when().put("/admin/masking-policy")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    /** A change by the administrator {@code by} (their token; the body's changedBy is ignored). */
    private static io.restassured.response.Response changePolicy(boolean pci, boolean pii, String by) {
        return given().auth().oauth2(TestTokens.dev().token(by.strip(), List.of("admin"))).contentType(ContentType.JSON)
                .body(Map.of("pciEnabled", pci, "piiEnabled", pii, "changedBy", by))
                .when().put("/admin/masking-policy");
    }

    private static io.restassured.response.ValidatableResponse maskedText() {
        return asAdmin().contentType(ContentType.JSON).body(Map.of("text", CARD_AND_EMAIL))
                .when().post("/masking/mask")
                .then().statusCode(200);
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse("");
    }

    @Test
    void thePolicyAndTheMaskingToolNeedTheAdminRole() {
        given().get("/admin/masking-policy").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHORIZED"));
        asAgent("alice").get("/admin/masking-policy/audit").then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        asAgent("alice").contentType(ContentType.JSON)
                .body(Map.of("pciEnabled", false, "piiEnabled", false, "changedBy", "alice"))
                .put("/admin/masking-policy").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("text", "4111 1111 1111 1111")).post("/masking/mask")
                .then().statusCode(401);
    }

}
