package com.livechat.conversation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static com.livechat.testsupport.auth.AdminRequests.asAgent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** The admin lists' search text is matched literally: a {@code %} or {@code _} in it is not a wildcard. */
@QuarkusTest
class AdminSearchTest {

    @Test
    void percentAndUnderscoreInAWrapUpReasonSearchMatchThemselvesOnly() {
        String tag = tag();
        String literal = "PCT-" + tag;
        String lookalike = "LOOK-" + tag;
        putReason(literal, "Refund 100%_ok " + tag);
        putReason(lookalike, "Refund 1000 ok " + tag);
        asAdmin().queryParam("search", tag).get("/admin/wrap-up-reasons").then().statusCode(200)
                .body("code", containsInAnyOrder(lookalike, literal));

        // As wildcards, "%_" would match "1000 ok" too ("100" + "0" + " ").
        asAdmin().queryParam("search", "100%_OK " + tag).get("/admin/wrap-up-reasons").then().statusCode(200)
                .body("code", equalTo(List.of(literal)));
        asAdmin().queryParam("search", "pct_" + tag).get("/admin/wrap-up-reasons").then().statusCode(200)
                .body("code", equalTo(List.of()));
    }

    @Test
    void percentAndUnderscoreInATemplateSearchMatchThemselvesOnly() {
        String tag = tag();
        String underscored = "under-" + tag;
        String plain = "plain-" + tag;
        putTemplate(underscored, "Order_ref " + tag, "Your order_ref is ready.");
        putTemplate(plain, "OrderXref " + tag, "Your orderXref is ready.");
        asAdmin().queryParam("search", tag).get("/admin/templates").then().statusCode(200)
                .body("id", containsInAnyOrder(underscored, plain));

        asAdmin().queryParam("search", "order_ref " + tag).get("/admin/templates").then().statusCode(200)
                .body("id", equalTo(List.of(underscored)));
        asAdmin().queryParam("search", "%ref " + tag).get("/admin/templates").then().statusCode(200)
                .body("id", equalTo(List.of()));
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void putReason(String code, String label) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("label", label)).put("/admin/wrap-up-reasons/{code}", code)
                .then().statusCode(201);
    }

    private static void putTemplate(String id, String name, String body) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", name, "body", body)).put("/admin/templates/{id}", id)
                .then().statusCode(201);
    }

    @Test
    void theAdminApiNeedsTheAdminRoleAndCustomerDataAStaffRole() {
        for (String path : List.of("/admin/templates", "/admin/wrap-up-reasons", "/admin/templates/x",
                "/conversations/x", "/conversations/x/transcript", "/agents/alice/history")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .body("code", equalTo("UNAUTHORIZED"));
            asAgent("alice").get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("code", equalTo("FORBIDDEN"));
        }
        asAgent("alice").contentType(ContentType.JSON).body(Map.of("label", "X")).put("/admin/wrap-up-reasons/X")
                .then().statusCode(403);
    }

}
