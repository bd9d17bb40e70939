package com.livechat.conversation.domain;

import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.TransferTargetType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Barge-in and take-over (issue 15), decided by the pure core on a live chat. */
class SupervisorInterventionTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private final ConversationCommands commands = new ConversationCommands(2);
    private Conversation conversation;

    @Test
    void aBargeInJoinsTheLiveChatWithoutAnOfferAndEveryoneSeesIt() {
        connected();
        ConversationTimeline timeline = next();
        commands.bargeIn(timeline, "sam", "Sam Supervisor");

        ConversationEvent.ParticipantStateChanged joined = only(timeline, ConversationEvent.ParticipantStateChanged.class);
        assertEquals("sam", joined.agentId());
        assertEquals(null, joined.from());
        assertEquals(ParticipantState.CONFERENCE, joined.to());
        ConversationEvent.MessagePosted message = only(timeline, ConversationEvent.MessagePosted.class);
        assertEquals(Audience.EVERYONE, message.audience());
        assertEquals("Sam Supervisor joined the chat", message.text());
        assertEquals(ParticipantState.ACTIVE, agent("alice").state(), "the agent keeps the chat");

        ConversationTimeline writes = next();
        commands.postMessage(writes, new ConversationCommand.PostMessage("c", conversation.id(), T0, "m-1",
                SenderType.AGENT, "sam", "Hello, I am the supervisor"), false);
        assertEquals("Sam Supervisor", only(writes, ConversationEvent.MessagePosted.class).senderName());
    }

    @Test
    void aSecondBargeInChangesNothingAndAChatThatIsNotLiveIsRefused() {
        connected();
        commands.bargeIn(next(), "sam", "Sam");
        ConversationTimeline again = next();
        commands.bargeIn(again, "sam", "Sam");
        assertTrue(again.events().isEmpty());

        ConversationTimeline ending = next();
        commands.endByCustomer(ending);
        CommandRefusedException refused = assertThrows(CommandRefusedException.class,
                () -> commands.bargeIn(next(), "other", "Other"));
        assertEquals(RejectionCode.ILLEGAL_STATE, refused.code());
        assertEquals(RejectionCode.INVALID_COMMAND,
                assertThrows(CommandRefusedException.class, () -> commands.bargeIn(next(), " ", "x")).code());
    }

    @Test
    void theBargedInSupervisorLeavesWithTheLastAgentAndNeedsNoWrapUp() {
        connected();
        commands.bargeIn(next(), "sam", "Sam");
        ConversationTimeline end = next();
        commands.endByAgent(end, "alice");

        assertEquals(ParticipantState.WRAP_UP, agent("alice").state());
        assertEquals(ParticipantState.DONE, agent("sam").state());
        assertEquals(ConversationState.ENDED, conversation.state());
        ConversationTimeline wrap = next();
        commands.submitWrapUp(wrap, new ConversationCommand.SubmitWrapUp("w", conversation.id(), T0, "alice",
                "RESOLVED", null), new WrapUpReason("RESOLVED", "Resolved", T0));
        assertEquals(ConversationState.CLOSED, conversation.state());
    }

    @Test
    void theBargedInSupervisorMayLeaveAloneAndTheAgentCarriesOn() {
        connected();
        commands.bargeIn(next(), "sam", "Sam");
        ConversationTimeline leave = next();
        commands.endConference(leave, "sam");
        assertEquals(ParticipantState.DONE, agent("sam").state());
        assertEquals(ParticipantState.ACTIVE, agent("alice").state());
        assertEquals(ConversationState.CONNECTED, conversation.state());
        assertTrue(leave.events().stream().anyMatch(e -> e instanceof ConversationEvent.MessagePosted m
                && m.text().equals("Sam left the chat")));
    }

    @Test
    void aTransferTakesTheBargedInSupervisorOutToo() {
        connected();
        commands.bargeIn(next(), "sam", "Sam");
        commands.requestTransfer(next(), new ConversationCommand.RequestTransfer("t", conversation.id(), T0, "alice",
                TransferTargetType.QUEUE, "billing", "Billing"));
        assertEquals(ParticipantState.DONE, agent("sam").state());
        assertEquals(ConversationState.QUEUED, conversation.state());
    }

    @Test
    void aTakeOverMakesTheSupervisorTheAgentAndTheAgentWrapsUp() {
        connected();
        ConversationTimeline timeline = next();
        commands.takeOver(timeline, "sam", "Sam");

        assertEquals(ParticipantState.ACTIVE, agent("sam").state());
        assertEquals(ParticipantState.WRAP_UP, agent("alice").state(), "the agent wraps up, as after a transfer");
        assertEquals(ConversationState.CONNECTED, conversation.state());
        List<String> texts = timeline.events().stream().filter(ConversationEvent.MessagePosted.class::isInstance)
                .map(e -> ((ConversationEvent.MessagePosted) e).text()).toList();
        assertEquals(List.of("Sam joined the chat", "Sam (supervisor) took over the chat. Please wrap up.",
                "Alice left the chat"), texts);

        ConversationTimeline again = next();
        commands.takeOver(again, "sam", "Sam");
        assertTrue(again.events().isEmpty(), "idempotent");

        ConversationTimeline end = next();
        commands.endByAgent(end, "sam");
        assertEquals(ParticipantState.DONE, agent("sam").state(), "a supervisor records no wrap-up");
        assertEquals(ConversationState.ENDED, conversation.state());
    }

    @Test
    void aBargedInSupervisorCanTakeOver() {
        connected();
        commands.bargeIn(next(), "sam", "Sam");
        ConversationTimeline timeline = next();
        commands.takeOver(timeline, "sam", "Sam");
        assertEquals(ParticipantState.ACTIVE, agent("sam").state());
        assertEquals(ParticipantState.WRAP_UP, agent("alice").state());
        assertTrue(timeline.events().stream().noneMatch(e -> e instanceof ConversationEvent.MessagePosted m
                && m.text().endsWith("joined the chat")), "joined once, at the barge-in");
    }

    @Test
    void aTakeOverWaitsForAPendingConferenceAndForALiveChat() {
        connected();
        commands.requestConference(next(), new ConversationCommand.RequestConference("r", conversation.id(), T0,
                "alice", "bob", "Bob"));
        assertEquals(RejectionCode.ILLEGAL_STATE,
                assertThrows(CommandRefusedException.class, () -> commands.takeOver(next(), "sam", "Sam")).code());

        connected();
        commands.endByCustomer(next());
        assertEquals(RejectionCode.ILLEGAL_STATE,
                assertThrows(CommandRefusedException.class, () -> commands.takeOver(next(), "sam", "Sam")).code());
    }

    private void connected() {
        conversation = new Conversation("c-1", "q", "Queue", "Melissa", null, null, false, T0);
        last = null;
        ConversationTimeline timeline = next();
        Participation alice = timeline.offer("o-1", "alice", "Alice", OfferKind.QUEUE, null);
        timeline.moveTo(ConversationState.OFFERED, "offered");
        timeline.moveTo(ConversationState.CONNECTED, "assigned");
        timeline.moveParticipant(alice, ParticipantState.ACTIVE, "accepted");
    }

    /** The next unit of work on the conversation, seeing every participation so far. */
    private ConversationTimeline next() {
        last = new ConversationTimeline(conversation, last == null ? List.of() : last.participations(), T0);
        return last;
    }

    private ConversationTimeline last;

    private Participation agent(String id) {
        return last.participations().stream().filter(p -> p.agentId().equals(id)).reduce((a, b) -> b).orElseThrow();
    }

    private <T> T only(ConversationTimeline timeline, Class<T> type) {
        List<T> found = timeline.events().stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "events: " + timeline.events());
        return found.get(0);
    }
}
