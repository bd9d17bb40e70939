package com.livechat.contracts.schema;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.Audience;
import com.livechat.contracts.events.BusinessHours;
import com.livechat.contracts.events.ConversationCommand;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.Customer;
import com.livechat.contracts.events.LiveSignal;
import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.OpeningRange;
import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.QueueReason;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RejectionCode;
import com.livechat.contracts.events.RoutingCommand;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.SenderType;
import com.livechat.contracts.events.TransferTargetType;
import com.livechat.contracts.events.WithdrawReason;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One realistic instance of every record type of the contract, every field set (a chat of Melissa's in the Support
 * queue, taken by Alice). {@link ContractSamplesTest} varies each enum field through all its values.
 */
final class Samples {

    private static final String CONVERSATION = "6f1c2d0e-9b1a-4c55-8a8e-2f5b7f0d3c11";
    private static final Instant AT = Instant.parse("2026-11-24T10:15:30.120Z");
    private static final Customer MELISSA = new Customer("Melissa Martin", "m******@gmail.com", "**********7890");

    private Samples() {
    }

    static List<LivechatRecord> all() {
        return List.of(
                new ConversationCommand.StartConversation("cmd-1", CONVERSATION, AT, "support", "Support", MELISSA,
                        Map.of("orderNumber", "A-1042", "language", "fr"), false),
                new ConversationCommand.PostMessage("cmd-2", CONVERSATION, AT, "m-42", SenderType.CUSTOMER, "alice",
                        "My card is ************1111"),
                new ConversationCommand.SendTemplate("cmd-3", CONVERSATION, AT, "m-43", "alice", "greeting"),
                new ConversationCommand.EndByCustomer("cmd-4", CONVERSATION, AT),
                new ConversationCommand.EndByAgent("cmd-5", CONVERSATION, AT, "alice"),
                new ConversationCommand.SubmitWrapUp("cmd-6", CONVERSATION, AT, "alice", "RESOLVED",
                        "Card replaced, customer satisfied"),
                new ConversationCommand.RequestTransfer("cmd-7", CONVERSATION, AT, "alice", TransferTargetType.QUEUE,
                        "sales", "Sales"),
                new ConversationCommand.RequestConference("cmd-8", CONVERSATION, AT, "alice", "bob", "Bob"),
                new ConversationCommand.EndConference("cmd-9", CONVERSATION, AT, "alice"),
                new ConversationCommand.SubmitSurvey("cmd-9b", CONVERSATION, AT, 4, "Quick and kind, thanks"),
                new ConversationCommand.MarkRead("cmd-9c", CONVERSATION, AT, SenderType.AGENT, "alice", 4),
                new ConversationCommand.BargeIn("cmd-9d", CONVERSATION, AT, "sam", "Sam Supervisor"),
                new ConversationCommand.TakeOver("cmd-9e", CONVERSATION, AT, "sam", "Sam Supervisor"),
                new ConversationCommand.EraseCustomerData("cmd-9f", CONVERSATION, AT, "erasure-1", "admin"),

                new ConversationEvent.ConversationStarted("ev-1", CONVERSATION, 1L, AT, "support", "Support", MELISSA,
                        Map.of("orderNumber", "A-1042", "contactOrigin", "web"), false),
                new ConversationEvent.ConversationQueued("ev-2", CONVERSATION, 2L, AT, "support", "Support",
                        "Melissa Martin", false, AT, QueueReason.NEW, true),
                new ConversationEvent.AgentOfferRequested("ev-3", CONVERSATION, 3L, AT, OfferKind.TRANSFER, "bob",
                        "alice", "support", "Support", "Melissa Martin", true, AT),
                new ConversationEvent.MessagePosted("ev-4", CONVERSATION, 4L, AT, "m-42", SenderType.CUSTOMER,
                        "customer", "Melissa Martin", Audience.EVERYONE, "My card is ************1111"),
                new ConversationEvent.ConversationStateChanged("ev-5", CONVERSATION, 5L, AT, ConversationState.OFFERED,
                        ConversationState.CONNECTED, "offer accepted"),
                new ConversationEvent.ParticipantStateChanged("ev-6", CONVERSATION, 6L, AT, "alice", "Alice",
                        ParticipantState.OFFERED, ParticipantState.ACTIVE, "offer accepted"),
                new ConversationEvent.WrapUpRecorded("ev-7", CONVERSATION, 7L, AT, "alice", "RESOLVED", "Resolved",
                        "Card replaced"),
                new ConversationEvent.CustomerInactivityWarned("ev-9", CONVERSATION, 9L, AT, AT.plusSeconds(60)),
                new ConversationEvent.SurveySubmitted("ev-7b", CONVERSATION, 9L, AT, "support", 4,
                        "Quick and kind, thanks"),
                new ConversationEvent.MessagesRead("ev-7c", CONVERSATION, 10L, AT, SenderType.AGENT, "alice", 9),
                new ConversationEvent.CustomerDataErased("ev-7d", CONVERSATION, 11L, AT, "erasure-1"),
                new LiveSignal.Typing(CONVERSATION, SenderType.AGENT, "alice", "Alice", true, AT),
                new ConversationEvent.CommandRejected("ev-8", CONVERSATION, 8L, AT, "cmd-2", SenderType.AGENT, "alice",
                        RejectionCode.NOT_A_PARTICIPANT, "You are not in this conversation."),

                new RoutingCommand.ChangeAgentState("cmd-10", "alice", AT, AgentState.IDLE, "LUNCH", "AGENT_REQUEST"),
                new RoutingCommand.AcceptOffer("cmd-11", "alice", AT, "offer-1", CONVERSATION),
                new RoutingCommand.DeclineOffer("cmd-12", "alice", AT, "offer-1", CONVERSATION),

                new RoutingEvent.ChatOffered("ev-10", AT, "offer-1", CONVERSATION, OfferKind.QUEUE, "alice", "Alice",
                        "support", "Support", "Melissa Martin", false, AT, AT.plusSeconds(30), "bob", 240, 60),
                new RoutingEvent.OfferWithdrawn("ev-11", AT, "offer-1", CONVERSATION, OfferKind.QUEUE, "alice",
                        WithdrawReason.RONA_TIMEOUT),
                new RoutingEvent.ChatAssigned("ev-12", AT, "offer-1", CONVERSATION, OfferKind.QUEUE, "alice", "Alice"),
                new RoutingEvent.QueuePositionChanged("ev-13", AT, CONVERSATION, "support", 2, 240),
                new RoutingEvent.QueueTimedOut("ev-14", AT, CONVERSATION, "support"),
                new RoutingEvent.WaitingNoticeIssued("ev-14b", AT, CONVERSATION, "support", 60, "All our advisers are busy."),
                new RoutingEvent.AgentStateChanged("ev-15", AT, "alice", "Alice", AgentState.AVAILABLE,
                        AgentState.IDLE, "LUNCH", "agent request", 1, 3, List.of("support", "sales")),
                new RoutingEvent.QueueDeleted("ev-16", AT, "sales", "Sales"),
                new RoutingEvent.RoutingCommandRejected("ev-17", AT, "cmd-11", "alice", CONVERSATION,
                        RejectionCode.OFFER_NOT_PENDING, "This offer is no longer open."),

                new ReferenceData.QueueInfo("night", "Night desk", false, new BusinessHours("Europe/Paris",
                        List.of(new OpeningRange("MONDAY", "09:00", "17:00"), new OpeningRange("FRIDAY", "22:00", "06:00")),
                        List.of("2026-12-25"))),
                new ReferenceData.AgentProfile("alice", "Alice", List.of("support", "sales"), 3, false),
                new ReferenceData.IdleCodeInfo("LUNCH", "Lunch", false),
                new ReferenceData.WrapUpReasonInfo("RESOLVED", "Resolved", true),
                new ReferenceData.MessageTemplateInfo("greeting", "Greeting",
                        "Hello <customerName>, I am <agentName>. How can I help?", false));
    }
}
