package com.livechat.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How bodies the parser could not read are answered: not JSON at all versus JSON of another shape (issue 17). */
class ProblemExceptionMappersTest {

    record Inner(String name, int size) {
    }

    record Outer(String id, Inner inner, Map<String, String> attributes, List<Inner> items) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"id\": \"a\", \"inner\": {\"name\": \"x\"",
            "{\"id\": \"a\", \"inner\": {\"name\": \"x\", \"size\": 1",
            "{\"id\": \"a\", \"inner\": {\"name\": ",
            "{\"id\": \"a\", \"attributes\": {\"k\": \"v\"",
            "{\"id\": \"a\", \"items\": [{\"name\": \"x\"}",
            "{\"id\": \"a\", \"items\": [{\"name\": \"x\"",
            "{\"id\": \"a\", \"inner\": {\"name\": tru}}",
            "{\"id\": \"a\", \"inner\": {\"name\" \"x\"}}",
            "{\"id\": \"a\"",
            "{\"id\": "})
    void aTruncatedOrMalformedBodyIsNotValidJsonEvenInsideANestedObject(String body) {
        Problem problem = problemFor(body);
        assertEquals(400, problem.status());
        assertEquals("MALFORMED_JSON", problem.code());
        assertTrue(problem.detail().startsWith("The request body is not valid JSON"), problem.detail());
    }

    /** A dependency down (degrade clearly, issue 17): 503 with Retry-After, not the 500 of a bug. */
    @Test
    void anUnavailableDatabaseOrBrokerIs503WithRetryAfterAndABugIs500() {
        ProblemExceptionMappers mappers = new ProblemExceptionMappers();
        for (Exception unavailable : List.<Exception>of(
                new java.util.concurrent.CompletionException(new org.apache.kafka.common.errors.TimeoutException(
                        "Topic livechat.inbound not present in metadata after 3000 ms.")),
                new IllegalStateException("wrapped", io.vertx.sqlclient.ClosedConnectionException.INSTANCE),
                new java.net.ConnectException("Connection refused"))) {
            Response response = mappers.unexpected(unavailable);
            assertEquals(503, response.getStatus(), unavailable.toString());
            assertEquals("SERVICE_UNAVAILABLE", ((Problem) response.getEntity()).code());
            assertEquals(String.valueOf(ProblemExceptionMappers.RETRY_AFTER_SECONDS),
                    String.valueOf(response.getHeaders().getFirst("Retry-After")));
        }
        Response bug = mappers.unexpected(new IllegalStateException("a bug"));
        assertEquals(500, bug.getStatus());
        assertEquals("INTERNAL", ((Problem) bug.getEntity()).code());
    }

    @Test
    void wellFormedJsonOfAnotherShapeStillSaysSoAndNamesTheField() {
        Problem problem = problemFor("{\"id\": \"a\", \"inner\": {\"name\": \"x\", \"size\": \"big\"}}");
        assertEquals("MALFORMED_JSON", problem.code());
        assertEquals("The request body does not have the expected shape at field 'inner.size'.", problem.detail());
        assertEquals("The request body does not have the expected shape.", problemFor("[1, 2]").detail());
    }

    private static Problem problemFor(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> MAPPER.readValue(body, Outer.class));
        Response response = new ProblemExceptionMappers().unreadableJson(e);
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        return (Problem) response.getEntity();
    }
}
