package com.livechat.conversation;

import com.livechat.conversation.support.ConversationHarness;
import com.livechat.conversation.support.Database;
import com.livechat.contracts.events.ReferenceData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two admins (or a retrying client) creating the same reason or template at once: both succeed, one creates it. */
@QuarkusTest
class ConcurrentAdminPutTest {

    private static final int PARALLEL = 8;

    private final ConversationHarness harness = ConversationHarness.get();

    @Test
    void parallelFirstPutsOfOneWrapUpReasonAllSucceedAndCreateItOnce() throws Exception {
        String code = "PAR-" + newId();

        List<Integer> statuses = inParallel(i -> asAdmin().contentType(ContentType.JSON)
                .body(Map.of("label", "Label " + i)).put("/admin/wrap-up-reasons/" + code)
                .then().extract().statusCode());

        assertCreatedOnceThenReplaced(statuses);
        assertEquals(1, Database.count("select count(*) from wrap_up_reason where code = ?", code));
        // Every change was published, and the last one published is what is stored.
        String stored = (String) Database.query("select label from wrap_up_reason where code = ?", code).get(0).get("label");
        List<ReferenceData.WrapUpReasonInfo> published = await().atMost(ConversationHarness.TIMEOUT)
                .until(() -> harness.referenceData().stream()
                        .filter(info -> info instanceof ReferenceData.WrapUpReasonInfo reason && reason.code().equals(code))
                        .map(ReferenceData.WrapUpReasonInfo.class::cast).toList(), infos -> infos.size() == PARALLEL);
        assertEquals(stored, published.get(PARALLEL - 1).label());
    }

    @Test
    void parallelFirstPutsOfOneTemplateAllSucceedAndCreateItOnce() throws Exception {
        String id = "par-" + newId();

        List<Integer> statuses = inParallel(i -> asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Name " + i, "body", "Hello <customerName> " + i)).put("/admin/templates/" + id)
                .then().extract().statusCode());

        assertCreatedOnceThenReplaced(statuses);
        assertEquals(1, Database.count("select count(*) from message_template where id = ?", id));
        asAdmin().get("/admin/templates/" + id).then().statusCode(200);
    }

    private static void assertCreatedOnceThenReplaced(List<Integer> statuses) {
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(PARALLEL - 1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
    }

    /** Runs the calls on as many threads, released together; their HTTP statuses in call order. */
    private static List<Integer> inParallel(IntFunction<Integer> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int n = i;
                results.add(threads.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            threads.shutdownNow();
        }
    }
}
