package com.livechat.testsupport.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.livechat.contracts.json.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the seeder and the end-to-end tests. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** The status and the parsed JSON body (null when there is none) of one response. */
    public record Response(int status, JsonNode body, String raw) {

        public Response expect(int... accepted) {
            for (int code : accepted) {
                if (status == code) {
                    return this;
                }
            }
            throw new IllegalStateException("Unexpected HTTP " + status + ": " + raw);
        }
    }

    public static Response get(String url, String bearer) {
        return send(request(url, bearer).GET());
    }

    public static Response delete(String url, String bearer) {
        return send(request(url, bearer).DELETE());
    }

    public static Response put(String url, String bearer, Object body) {
        return send(request(url, bearer).PUT(json(body)));
    }

    public static Response post(String url, String bearer, Object body) {
        return send(request(url, bearer).POST(json(body)));
    }

    private static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(EventJson.write(body));
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw == null || raw.isBlank() ? null : parse(raw);
            return new Response(response.statusCode(), body, raw);
        } catch (IOException e) {
            throw new IllegalStateException("HTTP call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return EventJson.mapper().readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }
}
