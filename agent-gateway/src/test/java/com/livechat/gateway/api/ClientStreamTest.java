package com.livechat.gateway.api;

import com.livechat.gateway.domain.TokenBucket;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The wait for a {@code resume} as the first frame of a connection, without a socket. */
class ClientStreamTest {

    private static final Duration WINDOW = Duration.ofMillis(50);

    private final ClientStream stream = ClientStream.forCustomer(null, "c-1", new TokenBucket(20, 10, System::nanoTime));

    @Test
    void aClientThatSendsNoFrameIsServedLiveOnceTheWindowHasPassed() {
        assertNull(stream.openingResume(WINDOW).await().atMost(Duration.ofSeconds(5)),
                "no replay, and no failure, when the window passes without a first frame");
    }

    @Test
    void aResumeSentAfterTheWindowIsServedInTurn() {
        stream.openingResume(WINDOW).await().atMost(Duration.ofSeconds(5));
        Supplier<Uni<Void>> replay = () -> Uni.createFrom().voidItem();
        stream.resume(replay);
        assertNull(stream.openingResume(WINDOW).await().atMost(Duration.ofSeconds(5)),
                "the opening wait is over: a later resume is queued like any task, not taken as the opening one");
    }

    @Test
    void aResumeAsTheFirstFrameIsTheOpeningReplay() {
        Supplier<Uni<Void>> replay = () -> Uni.createFrom().voidItem();
        stream.resume(replay);
        assertSame(replay, stream.openingResume(WINDOW).await().atMost(Duration.ofSeconds(5)));
    }
}
