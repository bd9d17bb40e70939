package com.livechat.conversation;

import com.livechat.conversation.support.ConversationHarness;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static com.livechat.conversation.support.ConversationHarness.newId;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate's query plan cache must not grow with the number of commands. Every plan-cache miss stores one more
 * entry, and with Hibernate Reactive 3.1 a cached native select is never found again (its key holds a
 * {@code ReactiveResultSetMapping}, which has no {@code equals}): the entries of one statement pile up under one hash
 * and every lookup scans them (docs/performance, row 15). Needs {@code quarkus.hibernate-orm.statistics} (test
 * profile).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_conversation_test"))
class QueryPlanCacheTest {

    private static final int MESSAGES = 20;

    private final ConversationHarness harness = ConversationHarness.get();

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Test
    void messagesOnAConnectedChatAddNoQueryPlans() {
        Statistics statistics = sessionFactory.getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "quarkus.hibernate-orm.statistics is off in the test profile");
        String conversationId = newId();
        harness.start(conversationId, "support");
        harness.connect(conversationId, "alice");
        // Warm up: the first execution of each statement is a legitimate miss.
        for (int i = 0; i < 3; i++) {
            harness.customerSays(conversationId, "warm-" + i, "hello " + i);
            harness.awaitMessage(conversationId, "warm-" + i);
        }

        long missesBefore = statistics.getQueryPlanCacheMissCount();
        for (int i = 0; i < MESSAGES; i++) {
            // One at a time: each message is its own poll, its own transaction, its own reads.
            harness.customerSays(conversationId, "m-" + i, "message " + i);
            harness.awaitMessage(conversationId, "m-" + i);
        }
        long added = statistics.getQueryPlanCacheMissCount() - missesBefore;

        assertTrue(added < 5, () -> added + " query plans added by " + MESSAGES + " messages (each miss stores one); "
                + "misses per statement: " + Arrays.stream(statistics.getQueries())
                .filter(sql -> statistics.getQueryStatistics(sql).getPlanCacheMissCount() > 3)
                .collect(Collectors.toMap(sql -> sql, sql -> statistics.getQueryStatistics(sql).getPlanCacheMissCount())));
    }
}
