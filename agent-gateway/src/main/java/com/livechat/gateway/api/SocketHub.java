package com.livechat.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.livechat.gateway.domain.ConversationStore;
import com.livechat.gateway.domain.DeliveryTracker;
import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Pushes to the sockets this instance holds. Called only after the projection holding the pushed data is committed,
 * so a socket can always catch up from the event log: a live event that does not directly follow what the socket
 * has is preceded by the missing events read from the log, and a {@code resume} replays from the log.
 */
@ApplicationScoped
public class SocketHub {

    private final OpenConnections connections;
    private final ConversationStore conversations;
    private final OfferViews offerViews;

    public SocketHub(OpenConnections connections, ConversationStore conversations, OfferViews offerViews) {
        this.connections = connections;
        this.conversations = conversations;
        this.offerViews = offerViews;
    }

    /** A committed conversation event: to the agents following it and to the customer's sockets. */
    public void conversationEvent(ConversationEvent event, Set<String> agentIds) {
        streams().filter(stream -> stream.audience() == ClientStream.Audience.AGENT
                        ? agentIds.contains(stream.agentId())
                        : event.conversationId().equals(stream.conversationId()))
                .forEach(stream -> stream.enqueue(() -> deliverLive(stream, event)));
    }

    /**
     * An offer: to every socket of the offered agent, with the thread read from the log when it is sent. A socket
     * that already shows it (listed in its hello, or delivered again by Kafka) is not sent it twice.
     */
    public void offer(ChatOffered offer) {
        agentStreams(offer.agentId()).forEach(stream -> stream.enqueue(() -> {
            if (!stream.firstSightOfOffer(offer.offerId())) {
                return Uni.createFrom().voidItem();
            }
            return offerViews.view(offer).chain(view -> {
                stream.tracker().startAt(offer.conversationId(), view.lastSeq());
                return stream.send(OfferViews.frame(view));
            });
        }));
    }

    public void toAgent(String agentId, ObjectNode frame) {
        agentStreams(agentId).forEach(stream -> stream.push(frame));
    }

    public void toCustomer(String conversationId, ObjectNode frame) {
        streams().filter(stream -> conversationId.equals(stream.conversationId())).forEach(stream -> stream.push(frame));
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
                        : stream.send(Frames.error(correlationId, entry.getKey(), "NOT_FOUND",
                                "Conversation " + entry.getKey() + " was not found."))))
                .collect().last()
                .chain(() -> {
                    ObjectNode resumed = Frames.frame("resumed");
                    if (correlationId != null) {
                        resumed.put("correlationId", correlationId);
                    }
                    ObjectNode positions = resumed.putObject("lastSeq");
                    lastSeq.keySet().forEach(id -> positions.put(id, stream.tracker().delivered(id)));
                    return stream.send(resumed);
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
                yield stream.frameFor(event).map(stream::send).orElse(Uni.createFrom().voidItem());
            }
            case REFILL -> sendFromLog(stream, event.conversationId(), tracker.delivered(event.conversationId()), event.seq());
        };
    }

    /** Sends the log's events in {@code (afterSeq, upToSeq]}, in order, recording each as sent. */
    private Uni<Void> sendFromLog(ClientStream stream, String conversationId, long afterSeq, long upToSeq) {
        return conversations.events(conversationId, afterSeq, upToSeq).chain(events -> Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> {
                    stream.tracker().sent(conversationId, event.seq());
                    return stream.frameFor(event).map(stream::send).orElse(Uni.createFrom().voidItem());
                })
                .collect().last()
                .replaceWithVoid());
    }

    private Stream<ClientStream> agentStreams(String agentId) {
        return streams().filter(stream -> agentId.equals(stream.agentId()));
    }

    private Stream<ClientStream> streams() {
        return connections.stream().filter(WebSocketConnection::isOpen)
                .map(connection -> connection.userData().get(ClientStream.KEY)).filter(Objects::nonNull);
    }
}
