package com.livechat.conversation.domain;

import com.livechat.contracts.events.ConversationState;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ParticipantState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The domain enforces the shared state machines: every legal path from creation walks through the entities, and
 * every illegal transition from every reachable state is refused with a clear error, leaving the state unchanged.
 */
class TransitionsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void everyLegalConversationPathFromCreationIsWalked() {
        List<List<ConversationState>> trails = trails(ConversationState.QUEUED, ConversationLifecycle::allowedTargets);
        Set<String> edgesWalked = new HashSet<>();
        for (List<ConversationState> trail : trails) {
            Conversation conversation = newConversation();
            for (int i = 1; i < trail.size(); i++) {
                conversation.moveTo(trail.get(i), NOW);
                assertEquals(trail.get(i), conversation.state());
                edgesWalked.add(trail.get(i - 1) + ">" + trail.get(i));
            }
        }
        assertEquals(allEdges(EnumSet.allOf(ConversationState.class), ConversationLifecycle::allowedTargets),
                edgesWalked);
        assertTrue(trails.stream().anyMatch(t -> t.equals(List.of(ConversationState.QUEUED,
                ConversationState.OFFERED, ConversationState.CONNECTED, ConversationState.ENDED,
                ConversationState.CLOSED))));
    }

    @Test
    void everyIllegalConversationTransitionIsRefused() {
        int refused = 0;
        for (ConversationState from : ConversationState.values()) {
            for (ConversationState to : ConversationState.values()) {
                if (ConversationLifecycle.canTransition(from, to)) {
                    continue;
                }
                Conversation conversation = conversationIn(from);
                IllegalTransitionException error = assertThrows(IllegalTransitionException.class,
                        () -> conversation.moveTo(to, NOW));
                assertTrue(error.getMessage().contains("state " + from + " cannot become " + to), error.getMessage());
                assertEquals(from, conversation.state());
                refused++;
            }
        }
        assertEquals(9 * 9 - 18, refused);
    }

    @Test
    void everyLegalParticipationPathFromTheOfferIsWalked() {
        List<List<ParticipantState>> trails = trails(ParticipantState.OFFERED, ParticipationLifecycle::allowedTargets);
        Set<String> edgesWalked = new HashSet<>();
        for (List<ParticipantState> trail : trails) {
            Participation participation = newParticipation();
            for (int i = 1; i < trail.size(); i++) {
                participation.moveTo(trail.get(i), NOW);
                assertEquals(trail.get(i), participation.state());
                edgesWalked.add(trail.get(i - 1) + ">" + trail.get(i));
            }
        }
        assertEquals(allEdges(EnumSet.allOf(ParticipantState.class), ParticipationLifecycle::allowedTargets), edgesWalked);
    }

    @Test
    void everyIllegalParticipationTransitionIsRefused() {
        int refused = 0;
        for (ParticipantState from : ParticipantState.values()) {
            for (ParticipantState to : ParticipantState.values()) {
                if (ParticipationLifecycle.canTransition(from, to)) {
                    continue;
                }
                Participation participation = participationIn(from);
                IllegalTransitionException error = assertThrows(IllegalTransitionException.class,
                        () -> participation.moveTo(to, NOW));
                assertTrue(error.getMessage().contains("state " + from + " cannot become " + to), error.getMessage());
                assertEquals(from, participation.state());
                refused++;
            }
        }
        assertEquals(7 * 7 - 12, refused);
    }

    @Test
    void finalStatesSayTheyAreFinal() {
        Conversation closed = conversationIn(ConversationState.CLOSED);
        IllegalTransitionException error = assertThrows(IllegalTransitionException.class,
                () -> closed.moveTo(ConversationState.QUEUED, NOW));
        assertTrue(error.getMessage().endsWith("(it is final)."), error.getMessage());
    }

    @Test
    void participationRecordsWhenTheAgentJoinedAndLeft() {
        Participation participation = newParticipation();
        participation.moveTo(ParticipantState.ACTIVE, NOW);
        participation.moveTo(ParticipantState.WRAP_UP, NOW.plusSeconds(60));
        assertEquals(NOW, participation.joinedAt());
        assertEquals(NOW.plusSeconds(60), participation.leftAt());
    }

    /** Every trail (no edge used twice) from {@code start} that cannot be extended: all legal paths. */
    private static <S extends Enum<S>> List<List<S>> trails(S start, Function<S, Set<S>> targets) {
        List<List<S>> complete = new ArrayList<>();
        ArrayDeque<List<S>> pending = new ArrayDeque<>();
        pending.push(List.of(start));
        while (!pending.isEmpty()) {
            List<S> trail = pending.pop();
            S last = trail.get(trail.size() - 1);
            boolean extended = false;
            for (S next : targets.apply(last)) {
                if (!usesEdge(trail, last, next)) {
                    List<S> longer = new ArrayList<>(trail);
                    longer.add(next);
                    pending.push(longer);
                    extended = true;
                }
            }
            if (!extended) {
                complete.add(trail);
            }
        }
        return complete;
    }

    private static <S> boolean usesEdge(List<S> trail, S from, S to) {
        for (int i = 1; i < trail.size(); i++) {
            if (trail.get(i - 1) == from && trail.get(i) == to) {
                return true;
            }
        }
        return false;
    }

    private static <S extends Enum<S>> Set<String> allEdges(Set<S> states, Function<S, Set<S>> targets) {
        Set<String> edges = new HashSet<>();
        states.forEach(from -> targets.apply(from).forEach(to -> edges.add(from + ">" + to)));
        return edges;
    }

    private static Conversation conversationIn(ConversationState state) {
        List<ConversationState> path = shortestPath(ConversationState.QUEUED, state, ConversationLifecycle::allowedTargets);
        Conversation conversation = newConversation();
        path.stream().skip(1).forEach(next -> conversation.moveTo(next, NOW));
        return conversation;
    }

    private static Participation participationIn(ParticipantState state) {
        List<ParticipantState> path = shortestPath(ParticipantState.OFFERED, state, ParticipationLifecycle::allowedTargets);
        Participation participation = newParticipation();
        path.stream().skip(1).forEach(next -> participation.moveTo(next, NOW));
        return participation;
    }

    private static <S extends Enum<S>> List<S> shortestPath(S start, S goal, Function<S, Set<S>> targets) {
        ArrayDeque<List<S>> queue = new ArrayDeque<>();
        queue.add(List.of(start));
        Set<S> seen = new HashSet<>(Set.of(start));
        while (!queue.isEmpty()) {
            List<S> path = queue.poll();
            S last = path.get(path.size() - 1);
            if (last == goal) {
                return path;
            }
            for (S next : targets.apply(last)) {
                if (seen.add(next)) {
                    List<S> longer = new ArrayList<>(path);
                    longer.add(next);
                    queue.add(longer);
                }
            }
        }
        throw new AssertionError(goal + " is not reachable from " + start);
    }

    private static Conversation newConversation() {
        return new Conversation("c-1", "support", "Support", "Melissa", null, null, false, NOW);
    }

    private static Participation newParticipation() {
        return new Participation("c-1", "offer-1", "alice", "Alice", OfferKind.QUEUE, null, NOW);
    }
}
