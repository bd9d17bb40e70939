package com.livechat.routing;

import com.livechat.routing.scheduling.RoutingScans;
import com.livechat.routing.support.Inputs;
import com.livechat.routing.support.Pause;
import com.livechat.routing.support.RoutingTestBase;
import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.RoutingEvent.RoutingCommandRejected;
import com.livechat.contracts.events.WithdrawReason;
import com.livechat.testsupport.KafkaTestResource;
import com.livechat.testsupport.MutableClock;
import com.livechat.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pending offer survives the loss of every timer: its deadline is an absolute time in the database, so whoever
 * scans next (this instance after a restart, or another one) applies it, neither early nor with a fresh timeout.
 * The process-level version (a killed instance) is {@code TwoInstancesIT}.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "livechat_routing_test"))
class RecoveryTest extends RoutingTestBase {

    @Inject
    RoutingScans scans;

    @Inject
    AgroalDataSource database;

    /** Time passes by moving this clock forward, not by sleeping. */
    @Inject
    MutableClock clock;

    @AfterEach
    void timersBack() {
        scans.start();
    }

    @Test
    void anOfferPendingWhileTimersAreDownExpiresAtItsOriginalDeadlineWhenTheyComeBack() throws Exception {
        String queue = Inputs.id("q");
        String first = Inputs.id("first");
        String second = Inputs.id("second");
        putQueue(queue, 5);
        putAgent(first, 1, queue);
        putAgent(second, 1, queue);
        changeState(first, AgentState.AVAILABLE);
        changeState(second, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, Instant.parse("2026-01-01T10:00:00Z")));
        ChatOffered offered = awaitOffer(chat);

        scans.stop();
        // Everything needed to resume is in the database: the pending offer and its absolute expiry.
        assertEquals(List.of("PENDING", offered.expiresAt().toString()), offerRow(offered.offerId()));
        clock.advanceTo(offered.expiresAt().plusSeconds(2));
        // Four scan intervals past the deadline: a timer still running would have withdrawn the offer by now.
        Pause.until(Instant.now().plusSeconds(1));
        assertTrue(recorder().events(OfferWithdrawn.class, e -> e.offerId().equals(offered.offerId())).isEmpty(),
                "no timer was running, nothing may have expired the offer");

        scans.start();
        OfferWithdrawn withdrawn = awaitEvent(OfferWithdrawn.class, e -> e.offerId().equals(offered.offerId()));
        assertEquals(WithdrawReason.RONA_TIMEOUT, withdrawn.reason());
        awaitEvent(AgentStateChanged.class, e -> e.agentId().equals(first) && e.state() == AgentState.RONA);
        ChatOffered reoffered = await().atMost(WAIT).until(() -> offers(chat), list -> list.size() == 2).get(1);
        assertEquals(second, reoffered.agentId());
        assertEquals("WITHDRAWN", offerRow(offered.offerId()).get(0));
    }

    @Test
    void timersThatComeBackBeforeTheDeadlineKeepTheRemainingTimeoutNotAFreshOne() {
        String queue = Inputs.id("q");
        String agent = Inputs.id("a");
        Duration ronaTimeout = Duration.ofSeconds(12);
        putQueue(queue, (int) ronaTimeout.toSeconds());
        putAgent(agent, 1, queue);
        changeState(agent, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, Instant.now()));
        ChatOffered offered = awaitOffer(chat);

        scans.stop();
        clock.advanceTo(offered.occurredAt().plusSeconds(8));
        Instant restartedAt = clock.instant();
        scans.start();
        clock.advanceTo(offered.expiresAt());
        OfferWithdrawn withdrawn = awaitEvent(OfferWithdrawn.class, e -> e.offerId().equals(offered.offerId()));
        assertEquals(WithdrawReason.RONA_TIMEOUT, withdrawn.reason());
        assertFalse(withdrawn.occurredAt().isBefore(offered.expiresAt()), "not before the original deadline");
        // A timeout started afresh by the restart could not fire before restartedAt + ronaTimeout (8 s after the
        // original deadline): a withdrawal before that instant can only come from the stored deadline.
        assertTrue(withdrawn.occurredAt().isBefore(restartedAt.plus(ronaTimeout)), "expired at "
                + withdrawn.occurredAt() + ", deadline " + offered.expiresAt() + ", timers back at " + restartedAt);
    }

    @Test
    void anAcceptArrivingAfterTheDeadlineIsRefusedEvenBeforeAnyScanNoticedIt() {
        String queue = Inputs.id("q");
        String late = Inputs.id("late");
        String next = Inputs.id("next");
        putQueue(queue, 5);
        putAgent(late, 1, queue);
        putAgent(next, 1, queue);
        changeState(late, AgentState.AVAILABLE);
        changeState(next, AgentState.AVAILABLE);
        String chat = Inputs.id("c");
        inputs().send(Inputs.queued(chat, queue, Instant.now()));
        ChatOffered offered = awaitOffer(chat);
        assertEquals(late, offered.agentId());

        scans.stop();
        clock.advanceTo(offered.expiresAt().plusMillis(500));
        RoutingCommand.AcceptOffer accept = Inputs.accept(late, offered.offerId(), chat);
        inputs().send(accept);
        RoutingCommandRejected rejected = awaitEvent(RoutingCommandRejected.class,
                e -> e.commandId().equals(accept.commandId()));
        assertEquals(RejectionCode.OFFER_NOT_PENDING, rejected.code());
        assertTrue(rejected.reason().startsWith("The offer expired at "), rejected.reason());
        assertEquals(WithdrawReason.RONA_TIMEOUT,
                awaitEvent(OfferWithdrawn.class, e -> e.offerId().equals(offered.offerId())).reason());
        ChatOffered reoffered = await().atMost(WAIT).until(() -> offers(chat), list -> list.size() == 2).get(1);
        assertEquals(next, reoffered.agentId());
    }

    private List<String> offerRow(String offerId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select status, expires_at from offer where id = ?")) {
            query.setString(1, offerId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "offer " + offerId + " is stored");
                return List.of(row.getString(1), row.getTimestamp(2).toInstant().toString());
            }
        }
    }
}
