package com.livechat.routing.domain;

import com.livechat.contracts.events.LivechatRecord;
import com.livechat.contracts.events.OfferKind;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RoutingEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What one routing decision works on, and what it decides: the agents, offers, waiting chats, queues and idle codes
 * it was given (the persistence adapter loads them under the routing lock), the decision's instant, and the events
 * it publishes. The decision classes change the objects in here and publish; the adapter writes the objects back
 * and the events to the outbox, in the same transaction. Nothing here does I/O or reads a clock.
 *
 * <p>A <em>partial</em> state holds only what the inputs at hand can touch, and says what it knows: asking for
 * something it was not given (an agent's pending offers that were not loaded, say) is a bug in the loader, not an
 * absence, and fails loudly instead of deciding on a wrong picture. A <em>complete</em> state is a whole small world
 * (pure tests): whatever it lacks does not exist.
 */
public final class RoutingState {

    private static final Comparator<Offer> IN_OFFER_ORDER =
            Comparator.comparing((Offer offer) -> offer.offeredAt).thenComparing(offer -> offer.id);

    private final Instant now;
    private final boolean complete;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final Map<String, Offer> offers = new LinkedHashMap<>();
    private final Map<String, WaitingChat> waiting = new LinkedHashMap<>();
    private final Map<String, RoutingQueue> queues = new LinkedHashMap<>();
    private final Map<String, IdleCode> idleCodes = new LinkedHashMap<>();
    private final Set<String> knownAgents = new HashSet<>();
    private final Set<String> knownPendingOffersOf = new HashSet<>();
    private final Set<String> knownActiveChatsOf = new HashSet<>();
    private final Set<String> knownOffers = new HashSet<>();
    private final Set<String> knownConversations = new HashSet<>();
    private final Set<String> knownWaiting = new HashSet<>();
    private final Set<String> knownQueues = new HashSet<>();
    private final Set<String> knownIdleCodes = new HashSet<>();
    private final List<LivechatRecord> published = new ArrayList<>();
    private final Map<String, Set<String>> loadChanges = new LinkedHashMap<>();

    private RoutingState(Instant now, boolean complete) {
        this.now = now;
        this.complete = complete;
    }

    /** A state that holds only what was loaded for the decision at hand (see the class comment). */
    public static RoutingState partial(Instant now) {
        return new RoutingState(now, false);
    }

    /** A whole world: what it does not hold does not exist. */
    public static RoutingState complete(Instant now) {
        return new RoutingState(now, true);
    }

    /** The decision's instant: every event and every time it records. */
    public Instant now() {
        return now;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    // ---- what was given -----------------------------------------------------------------------------------------

    public RoutingState add(Agent agent) {
        agents.put(agent.id, agent);
        knownAgents.add(agent.id);
        return this;
    }

    public RoutingState add(Offer offer) {
        offers.put(offer.id, offer);
        knownOffers.add(offer.id);
        return this;
    }

    public RoutingState add(WaitingChat chat) {
        waiting.put(chat.conversationId, chat);
        knownWaiting.add(chat.conversationId);
        return this;
    }

    public RoutingState add(RoutingQueue queue) {
        queues.put(queue.id, queue);
        knownQueues.add(queue.id);
        return this;
    }

    public RoutingState add(IdleCode idleCode) {
        idleCodes.put(idleCode.code(), idleCode);
        knownIdleCodes.add(idleCode.code());
        return this;
    }

    /** These agents were looked for: the ones not added do not exist. */
    public RoutingState knowsAgents(Collection<String> ids) {
        knownAgents.addAll(ids);
        return this;
    }

    /** Every pending offer of these agents was added. */
    public RoutingState knowsPendingOffersOf(Collection<String> agentIds) {
        knownPendingOffersOf.addAll(agentIds);
        return this;
    }

    /** Every active chat (accepted, unreleased offer) of these agents was added. */
    public RoutingState knowsActiveChatsOf(Collection<String> agentIds) {
        knownActiveChatsOf.addAll(agentIds);
        return this;
    }

    /** These offers were looked for by id: the ones not added do not exist. */
    public RoutingState knowsOffers(Collection<String> ids) {
        knownOffers.addAll(ids);
        return this;
    }

    /** The pending offer and every unsettled participation of these conversations were added. */
    public RoutingState knowsConversations(Collection<String> conversationIds) {
        knownConversations.addAll(conversationIds);
        return this;
    }

    /** These conversations were looked for among the waiting chats: the ones not added are not waiting. */
    public RoutingState knowsWaiting(Collection<String> conversationIds) {
        knownWaiting.addAll(conversationIds);
        return this;
    }

    public RoutingState knowsQueues(Collection<String> ids) {
        knownQueues.addAll(ids);
        return this;
    }

    public RoutingState knowsIdleCodes(Collection<String> codes) {
        knownIdleCodes.addAll(codes);
        return this;
    }

    // ---- lookups ------------------------------------------------------------------------------------------------

    /** The agent, or null when there is none. */
    public Agent agent(String id) {
        require(id == null || knownAgents.contains(id), "agent", id);
        return id == null ? null : agents.get(id);
    }

    /** The agent if it was given, without asking whether it was looked for (their load is kept up to date). */
    Agent agentIfGiven(String id) {
        return agents.get(id);
    }

    public Collection<Agent> agents() {
        return Collections.unmodifiableCollection(agents.values());
    }

    public Offer offer(String id) {
        require(id == null || knownOffers.contains(id), "offer", id);
        return id == null ? null : offers.get(id);
    }

    public Collection<Offer> offers() {
        return Collections.unmodifiableCollection(offers.values());
    }

    /** The chat's pending offer (at most one: a chat is never offered to two agents at once), or null. */
    public Offer pendingOfferOf(String conversationId) {
        require(knownConversations.contains(conversationId), "conversation", conversationId);
        return offers.values().stream()
                .filter(offer -> offer.status == OfferStatus.PENDING && offer.conversationId.equals(conversationId))
                .findFirst().orElse(null);
    }

    /** Accepted offers of a conversation whose participation is not settled yet, in offer order. */
    public List<Offer> unsettledParticipations(String conversationId) {
        require(knownConversations.contains(conversationId), "conversation", conversationId);
        return offersWhere(offer -> offer.conversationId.equals(conversationId) && offer.isUnsettledParticipation());
    }

    public List<Offer> pendingOffersOf(String agentId) {
        require(knownPendingOffersOf.contains(agentId), "pending offers of agent", agentId);
        return offersWhere(offer -> offer.status == OfferStatus.PENDING && offer.agentId.equals(agentId));
    }

    public List<Offer> activeChatsOf(String agentId) {
        require(knownActiveChatsOf.contains(agentId), "active chats of agent", agentId);
        return offersWhere(offer -> offer.agentId.equals(agentId) && offer.isActiveChat());
    }

    /** Every pending offer given, in offer order. */
    public List<Offer> pendingOffers() {
        return offersWhere(offer -> offer.status == OfferStatus.PENDING);
    }

    /** Pending queue offers of a queue, among those given, in offer order. */
    public List<Offer> pendingQueueOffersOf(String queueId) {
        return offersWhere(offer -> offer.status == OfferStatus.PENDING && offer.kind == OfferKind.QUEUE
                && queueId.equals(offer.queueId));
    }

    /** The chat waiting in a queue, or null when it is not waiting. */
    public WaitingChat waiting(String conversationId) {
        require(knownWaiting.contains(conversationId), "waiting chat", conversationId);
        return waiting.get(conversationId);
    }

    /** Every waiting chat given, in FIFO order ({@code waitingSince}, then conversation id). */
    public List<WaitingChat> waitingChats() {
        return waiting.values().stream()
                .sorted(Comparator.comparing((WaitingChat chat) -> chat.waitingSince)
                        .thenComparing(chat -> chat.conversationId))
                .toList();
    }

    public RoutingQueue queue(String id) {
        require(id == null || knownQueues.contains(id), "queue", id);
        return id == null ? null : queues.get(id);
    }

    public IdleCode idleCode(String code) {
        require(code == null || knownIdleCodes.contains(code), "idle code", code);
        return code == null ? null : idleCodes.get(code);
    }

    // ---- changes ------------------------------------------------------------------------------------------------

    void open(Offer offer) {
        offers.put(offer.id, offer);
        knownOffers.add(offer.id);
    }

    void enqueue(WaitingChat chat) {
        require(knownWaiting.contains(chat.conversationId), "waiting chat", chat.conversationId);
        waiting.put(chat.conversationId, chat);
    }

    void leaveQueue(String conversationId) {
        require(knownWaiting.contains(conversationId), "waiting chat", conversationId);
        waiting.remove(conversationId);
    }

    void removeAgent(String id) {
        agents.remove(id);
    }

    void removeQueue(String id) {
        queues.remove(id);
    }

    void removeIdleCode(String code) {
        idleCodes.remove(code);
    }

    public void publish(RoutingEvent event) {
        published.add(event);
    }

    public void publish(ReferenceData data) {
        published.add(data);
    }

    /**
     * Notes that the agent's active chats changed, and why; published once per decision with the final count
     * ({@link AgentStates#publishLoadChanges}), so a poll of many accepts costs one event per agent.
     */
    void loadChanged(String agentId, String reason) {
        loadChanges.computeIfAbsent(agentId, id -> new LinkedHashSet<>()).add(reason);
    }

    Map<String, Set<String>> loadChanges() {
        return loadChanges;
    }

    /** The events and reference data decided so far, in order. */
    public List<LivechatRecord> published() {
        return Collections.unmodifiableList(published);
    }

    /** Hands over what was published so far (to the outbox), in order, and forgets it. */
    public List<LivechatRecord> takePublished() {
        List<LivechatRecord> taken = List.copyOf(published);
        published.clear();
        return taken;
    }

    /** The waiting chats as they are now, by conversation id (to write back). */
    public Map<String, WaitingChat> waitingById() {
        return Collections.unmodifiableMap(waiting);
    }

    public Map<String, Agent> agentsById() {
        return Collections.unmodifiableMap(agents);
    }

    public Map<String, RoutingQueue> queuesById() {
        return Collections.unmodifiableMap(queues);
    }

    public Map<String, IdleCode> idleCodesById() {
        return Collections.unmodifiableMap(idleCodes);
    }

    private List<Offer> offersWhere(Predicate<Offer> filter) {
        return offers.values().stream().filter(filter).sorted(IN_OFFER_ORDER).toList();
    }

    private void require(boolean known, String what, String id) {
        if (!complete && !known) {
            throw new IllegalStateException("The " + what + " '" + id + "' was not loaded for this decision");
        }
    }
}
