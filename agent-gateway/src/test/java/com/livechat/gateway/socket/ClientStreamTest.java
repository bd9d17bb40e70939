package com.livechat.gateway.socket;

import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A socket's queue of outgoing work and the wait for a {@code resume} as its first frame, without a socket. */
class ClientStreamTest {

    private static final Duration WINDOW = Duration.ofMillis(50);

    private final ClientStream stream = ClientStream.forCustomer(null, "c-1", new TokenBucket(20, 10, System::nanoTime));

    @BeforeEach
    void start() {
        stream.start();
    }

    @Test
    void aClientThatSendsNoFrameIsServedLiveOnceTheWindowHasPassed() {
        assertNull(stream.openingResume(WINDOW).await().atMost(Duration.ofSeconds(5)),
                "no replay, and no failure, when the window passes without a first frame");
    }

    @Test
    void aResumeSentAfterTheWindowIsServedInTurn() {
        stream.openingResume(WINDOW).await().atMost(Duration.ofSeconds(5));
        AtomicInteger replays = new AtomicInteger();
        Supplier<Uni<Void>> replay = () -> {
            replays.incrementAndGet();
            return Uni.createFrom().voidItem();
        };
        stream.resume(replay);
        await().atMost(Duration.ofSeconds(5)).until(() -> replays.get() == 1);
        assertNull(stream.openingResume(WINDOW).await().atMost(Duration.ofSeconds(5)),
                "the opening wait is over: a later resume is queued like any task, not taken as the opening one");
        assertEquals(1, replays.get(), "the replay ran once, as a task of its own");
    }

    @Test
    void aResumeAsTheFirstFrameIsTheOpeningReplay() {
        Supplier<Uni<Void>> replay = () -> Uni.createFrom().voidItem();
        stream.resume(replay);
        assertSame(replay, stream.openingResume(WINDOW).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void queuedTasksWaitForTheStart() {
        ClientStream opening = ClientStream.forCustomer(null, "c-2", new TokenBucket(20, 10, System::nanoTime));
        List<String> ran = new ArrayList<>();
        opening.enqueue(() -> Uni.createFrom().voidItem().invoke(() -> ran.add("hello")));
        opening.enqueue(() -> Uni.createFrom().voidItem().invoke(() -> ran.add("live")));
        assertEquals(List.of(), ran, "nothing runs before the socket is ready for pushes");
        opening.start();
        assertEquals(List.of("hello", "live"), ran);
    }

    @Test
    void aLongBacklogOfTasksThatCompleteAtOnceDoesNotDeepenTheStack() {
        CompletableFuture<Void> slow = new CompletableFuture<>();
        AtomicInteger ran = new AtomicInteger();
        stream.enqueue(() -> Uni.createFrom().completionStage(slow));
        int backlog = 200_000;
        for (int i = 0; i < backlog; i++) {
            stream.enqueue(() -> {
                ran.incrementAndGet();
                return Uni.createFrom().voidItem();
            });
        }
        assertEquals(0, ran.get(), "the backlog waits behind the slow task");
        // Completing the slow task drains the whole backlog from this thread's stack.
        slow.complete(null);
        assertEquals(backlog, ran.get());
        stream.enqueue(() -> {
            ran.incrementAndGet();
            return Uni.createFrom().voidItem();
        });
        assertEquals(backlog + 1, ran.get(), "the stream is idle again and runs a new task at once");
    }
}
