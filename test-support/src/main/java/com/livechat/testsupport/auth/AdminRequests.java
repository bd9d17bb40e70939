package com.livechat.testsupport.auth;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests that carry a token, for tests of a service's protected API (every {@code /admin} API). */
public final class AdminRequests {

    private AdminRequests() {
    }

    /** {@code given()} with the bearer token of an administrator (dev/test key). */
    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().oauth2(TestTokens.admin());
    }

    /** {@code given()} with the bearer token of an agent who has no other role (dev/test key). */
    public static RequestSpecification asAgent(String agentId) {
        return RestAssured.given().auth().oauth2(TestTokens.agent(agentId));
    }
}
