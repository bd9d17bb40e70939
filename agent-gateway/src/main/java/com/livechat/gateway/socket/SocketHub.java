package com.livechat.gateway.socket;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.ConversationEvent.CommandRejected;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.RoutingEvent.OfferWithdrawn;
import com.livechat.contracts.events.RoutingEvent.QueuePositionChanged;
import com.livechat.contracts.events.RoutingEvent.RoutingCommandRejected;
import com.livechat.gateway.messaging.CommittedEvents;
import com.livechat.gateway.messaging.TypingSignals;
import com.livechat.contracts.events.LiveSignal;
import com.livechat.contracts.events.SenderType;
import com.livechat.gateway.projection.ConversationStore;
import com.livechat.gateway.socket.frame.AgentFrame;
import com.livechat.gateway.socket.frame.CustomerFrame;
import com.livechat.gateway.socket.frame.SharedFrame;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Pushes to the sockets this instance holds. Told only after the projection holding the pushed data is committed
 * ({@link CommittedEvents}), so a socket can always catch up from the event log: a live event that does not directly
 * follow what the socket has is preceded by the missing events read from the log, and a {@code resume} replays from
 * the log.
 */
@ApplicationScoped
public class SocketHub implements CommittedEvents, TypingSignals {

    private final StreamIndex index;
    private final ConversationStore conversations;
    private final OfferViews offerViews;
    private final SupervisorPush supervisors;

    public SocketHub(StreamIndex index, ConversationStore conversations, OfferViews offerViews,
            SupervisorPush supervisors) {
        this.index = index;
        this.conversations = conversations;
        this.offerViews = offerViews;
        this.supervisors = supervisors;
    }

    /**
     * A committed conversation event: to the agents following it, to the sockets monitoring it (supervisors) and to
     * the customer's sockets.
     */
    @Override
    public void conversationEvent(ConversationEvent event, Set<String> agentIds) {
        supervisors.changed();
        Set<ClientStream> streams = new LinkedHashSet<>();
        for (String agentId : agentIds) {
            streams.addAll(index.agent(agentId));
        }
        streams.addAll(index.monitoring(event.conversationId()));
        streams.addAll(index.customers(event.conversationId()));
        for (ClientStream stream : streams) {
            if (stream.isOpen()) {
                stream.enqueue(() -> deliverLive(stream, event));
            }
        }
    }

    /** The (supervisor's) stream monitors the conversation: its frames are pushed to it live from now on. */
    void monitor(ClientStream stream, String conversationId) {
        index.monitor(stream, conversationId);
    }

    /** A command the conversation service refused: an error frame to the agent who sent it, else to the customer. */
    @Override
    public void conversationCommandRejected(CommandRejected rejected) {
        SharedFrame.Error frame = ErrorFrames.rejected(rejected.commandId(), rejected.conversationId(), rejected.code(),
                rejected.reason());
        if (rejected.agentId() != null) {
            toAgent(rejected.agentId(), frame);
        } else {
            toCustomer(rejected.conversationId(), frame);
        }
    }

    @Override
    public void routingEvent(RoutingEvent event) {
        supervisors.changed();
        if (event instanceof ChatOffered offered) {
            offer(offered);
        } else if (event instanceof OfferWithdrawn withdrawn) {
            toAgent(withdrawn.agentId(), AgentFrame.OfferWithdrawn.of(withdrawn));
        } else if (event instanceof ChatAssigned assigned) {
            toAgent(assigned.agentId(), AgentFrame.OfferAccepted.of(assigned));
        } else if (event instanceof AgentStateChanged changed) {
            toAgent(changed.agentId(), AgentFrame.AgentStateChanged.of(changed));
        } else if (event instanceof QueuePositionChanged position) {
            toCustomer(position.conversationId(), CustomerFrame.QueuePosition.of(position));
        } else if (event instanceof RoutingEvent.WaitingNoticeIssued notice) {
            toCustomer(notice.conversationId(), CustomerFrame.WaitingNotice.of(notice));
        } else if (event instanceof RoutingCommandRejected rejected) {
            toAgent(rejected.agentId(), ErrorFrames.rejected(rejected.commandId(), rejected.conversationId(),
                    rejected.code(), rejected.reason()));
        }
    }

    /**
     * A typing signal from any instance: the customer's to the sockets of the agents following the conversation, an
     * agent's to the customer's sockets. Pushed as it comes (no seq, not replayed, not ordered with the events).
     */
    @Override
    public void typing(LiveSignal.Typing signal) {
        String conversationId = signal.conversationId();
        if (signal.senderType() == SenderType.AGENT) {
            toCustomer(conversationId, new CustomerFrame.Typing(conversationId, signal.typing(), signal.senderName()));
            return;
        }
        if (!index.hasAgentStreams()) {
            return;
        }
        AgentFrame frame = new AgentFrame.Typing(conversationId, signal.typing());
        conversations.followers(conversationId).subscribe().with(
                agents -> agents.forEach(agentId -> toAgent(agentId, frame)),
                failure -> { /* a typing signal is worth seconds: not retried */ });
    }

    /**
     * An offer: to every socket of the offered agent, with the thread read from the log when it is sent. A socket
     * that already shows it (listed in its hello, or delivered again by Kafka) is not sent it twice.
     */
    private void offer(ChatOffered offer) {
        agentStreams(offer.agentId()).forEach(stream -> stream.enqueue(() -> {
            if (!stream.firstSightOfOffer(offer.offerId())) {
                return Uni.createFrom().voidItem();
            }
            return offerViews.view(offer).chain(view -> {
                stream.tracker().startAt(offer.conversationId(), view.lastSeq());
                return stream.send(new AgentFrame.Offer(view));
            });
        }));
    }

    private void toAgent(String agentId, AgentFrame frame) {
        agentStreams(agentId).forEach(stream -> stream.push(frame));
    }

    private void toCustomer(String conversationId, CustomerFrame frame) {
        open(index.customers(conversationId)).forEach(stream -> stream.push(frame));
    }

    /**
     * Replays, for each conversation, what the socket has not been sent after the client's last seq, then answers
     * {@code resumed} with the seq each conversation is now at. {@code readable} tells which conversations the socket
     * may see; the others get an error frame.
     */
    public void resume(ClientStream stream, String correlationId, Map<String, Long> lastSeq,
            Function<String, Uni<Boolean>> readable) {
        stream.resume(() -> Multi.createFrom().iterable(lastSeq.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> readable.apply(entry.getKey()).chain(allowed -> allowed
                        ? replay(stream, entry.getKey(), Math.max(0, entry.getValue() == null ? 0 : entry.getValue()))
                        : stream.send(ErrorFrames.conversationNotFound(correlationId, entry.getKey()))))
                .collect().last()
                .chain(() -> {
                    Map<String, Long> positions = new LinkedHashMap<>();
                    lastSeq.keySet().forEach(id -> positions.put(id, stream.tracker().delivered(id)));
                    return stream.send(new SharedFrame.Resumed(correlationId, positions));
                }));
    }

    private Uni<Void> replay(ClientStream stream, String conversationId, long lastSeq) {
        DeliveryTracker tracker = stream.tracker();
        boolean known = tracker.knows(conversationId);
        long upTo = tracker.resumeFrom(conversationId, lastSeq);
        if (upTo <= lastSeq) {
            return Uni.createFrom().voidItem();
        }
        return sendFromLog(stream, conversationId, lastSeq, upTo).invoke(() -> {
            if (!known) {
                tracker.startAt(conversationId, lastSeq);
            }
        });
    }

    private Uni<Void> deliverLive(ClientStream stream, ConversationEvent event) {
        DeliveryTracker tracker = stream.tracker();
        return switch (tracker.decide(event.conversationId(), event.seq())) {
            case SKIP -> Uni.createFrom().voidItem();
            case SEND -> {
                tracker.sent(event.conversationId(), event.seq());
                yield sendFrameOf(stream, event);
            }
            case REFILL -> sendFromLog(stream, event.conversationId(), tracker.delivered(event.conversationId()), event.seq());
        };
    }

    /** Sends the log's events in {@code (afterSeq, upToSeq]}, in order, recording each as sent. */
    private Uni<Void> sendFromLog(ClientStream stream, String conversationId, long afterSeq, long upToSeq) {
        return conversations.events(conversationId, afterSeq, upToSeq).chain(events -> Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> {
                    stream.tracker().sent(conversationId, event.seq());
                    return sendFrameOf(stream, event);
                })
                .collect().last()
                .replaceWithVoid());
    }

    private static Uni<Void> sendFrameOf(ClientStream stream, ConversationEvent event) {
        return stream.frameFor(event).map(stream::send).orElse(Uni.createFrom().voidItem());
    }

    private Stream<ClientStream> agentStreams(String agentId) {
        return open(index.agent(agentId));
    }

    private static Stream<ClientStream> open(Collection<ClientStream> streams) {
        return streams.stream().filter(ClientStream::isOpen);
    }
}
