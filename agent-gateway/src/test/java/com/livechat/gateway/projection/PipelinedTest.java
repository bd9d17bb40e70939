package com.livechat.gateway.projection;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Statements are all sent before any answers, in order; the outcome waits for every answer. */
class PipelinedTest {

    private final List<String> sent = new ArrayList<>();
    private final List<CompletableFuture<Void>> answers = new ArrayList<>();

    /** A statement that is "sent" when subscribed to and answered when the test completes its future. */
    private Uni<Void> statement(String name) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        answers.add(answer);
        return Uni.createFrom().deferred(() -> {
            sent.add(name);
            return Uni.createFrom().completionStage(answer);
        });
    }

    @Test
    void everyStatementIsSentInOrderBeforeTheFirstAnswer() {
        UniAssertSubscriber<Void> outcome = Pipelined.inOrder(List.of(statement("a"), statement("b"), statement("c")))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        assertEquals(List.of("a", "b", "c"), sent);
        answers.get(2).complete(null);
        answers.get(0).complete(null);
        outcome.assertNotTerminated();
        answers.get(1).complete(null);
        outcome.assertCompleted();
    }

    @Test
    void failsWithTheFirstFailureInStatementOrderOnceAllAnswered() {
        RuntimeException first = new RuntimeException("duplicate key");
        RuntimeException aborted = new RuntimeException("current transaction is aborted");
        UniAssertSubscriber<Void> outcome = Pipelined.inOrder(List.of(statement("a"), statement("b"), statement("c")))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        answers.get(2).completeExceptionally(aborted);
        answers.get(0).complete(null);
        outcome.assertNotTerminated();
        answers.get(1).completeExceptionally(first);

        assertSame(first, outcome.assertFailed().getFailure());
    }

    @Test
    void noStatementsIsDoneAtOnce() {
        Pipelined.inOrder(List.of()).subscribe().withSubscriber(UniAssertSubscriber.create()).assertCompleted();
    }
}
