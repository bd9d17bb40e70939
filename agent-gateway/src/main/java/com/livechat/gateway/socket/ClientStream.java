package com.livechat.gateway.socket;

import com.livechat.contracts.events.ConversationEvent;
import com.livechat.contracts.json.EventJson;
import com.livechat.gateway.socket.frame.Frames;
import com.livechat.gateway.socket.frame.ServerFrame;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One open socket as the push side sees it: who it belongs to, what it has been sent ({@link DeliveryTracker}) and
 * its outgoing work, run strictly one task after the other so that live pushes, gap refills, replays and replies never
 * interleave. Kept in the connection's {@link UserData}.
 */
public final class ClientStream {

    public static final UserData.TypedKey<ClientStream> KEY = new UserData.TypedKey<>("livechat.stream");

    private static final Logger LOG = Logger.getLogger(ClientStream.class);

    /** Whose socket this is. */
    public enum Audience {
        AGENT, CUSTOMER
    }

    private final WebSocketConnection connection;
    private final Audience audience;
    private final String agentId;
    private final String conversationId;
    private final TokenBucket rateLimit;
    /** A supervisor's or administrator's agent socket: it may monitor conversations it takes no part in. */
    private final boolean supervises;
    /** The conversations this socket monitors (read-only): their frames are pushed to it live. */
    private final Set<String> monitored = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final DeliveryTracker tracker = new DeliveryTracker();
    /** The offers this socket was sent (in its hello or live), so that one listed in both is shown once. */
    private final Set<String> offersSent = new HashSet<>();
    private final Queue<Supplier<Uni<Void>>> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    /** Tasks queue up but do not run before {@link #start()}. */
    private volatile boolean started;
    /** The replay asked for by a {@code resume} that opens the connection, or null when there was none. */
    private final CompletableFuture<Supplier<Uni<Void>>> openingResume = new CompletableFuture<>();

    private ClientStream(WebSocketConnection connection, Audience audience, String agentId, String conversationId,
            TokenBucket rateLimit, boolean supervises) {
        this.connection = connection;
        this.audience = audience;
        this.agentId = agentId;
        this.conversationId = conversationId;
        this.rateLimit = rateLimit;
        this.supervises = supervises;
    }

    public static ClientStream forAgent(WebSocketConnection connection, String agentId, TokenBucket rateLimit) {
        return forAgent(connection, agentId, rateLimit, false);
    }

    /** {@code supervises}: the token has the supervisor or admin role. */
    public static ClientStream forAgent(WebSocketConnection connection, String agentId, TokenBucket rateLimit,
            boolean supervises) {
        return new ClientStream(connection, Audience.AGENT, agentId, null, rateLimit, supervises);
    }

    public static ClientStream forCustomer(WebSocketConnection connection, String conversationId, TokenBucket rateLimit) {
        return new ClientStream(connection, Audience.CUSTOMER, null, conversationId, rateLimit, false);
    }

    /** The display name of an agent socket's token. */
    String agentName() {
        return connection.userData().get(SocketUpgradeCheck.AGENT_NAME);
    }

    /** Whether this socket may monitor conversations it takes no part in (supervisor or admin). */
    public boolean supervises() {
        return supervises;
    }

    /** Starts pushing this conversation's frames live; true the first time. */
    boolean monitor(String conversationId) {
        return monitored.add(conversationId);
    }

    public boolean monitors(String conversationId) {
        return monitored.contains(conversationId);
    }

    /** The conversations this socket monitors. */
    Set<String> monitoredConversations() {
        return Set.copyOf(monitored);
    }

    /** Whether the socket is still open. */
    boolean isOpen() {
        return connection.isOpen();
    }

    public Audience audience() {
        return audience;
    }

    /** The agent of an agent socket, else null. */
    public String agentId() {
        return agentId;
    }

    /** The conversation of a customer socket, else null. */
    public String conversationId() {
        return conversationId;
    }

    public boolean tryTakeToken() {
        return rateLimit.tryTake();
    }

    /** Takes {@code count} more tokens of the socket's rate limit at once, or none (false). */
    public boolean tryTakeTokens(int count) {
        return count <= 0 || rateLimit.tryTake(count);
    }

    /** Only touched from inside tasks, which never run concurrently. */
    DeliveryTracker tracker() {
        return tracker;
    }

    /**
     * Records that the offer is shown on this socket; false when it already was (the hello listed it and it is now
     * pushed live as well, or Kafka delivered it again). Only called from inside tasks.
     */
    boolean firstSightOfOffer(String offerId) {
        return offersSent.add(offerId);
    }

    /** The frame this socket's owner sees for {@code event}, if any. */
    Optional<ServerFrame> frameFor(ConversationEvent event) {
        return audience == Audience.AGENT ? Frames.forAgent(event).map(ServerFrame.class::cast)
                : Frames.forCustomer(event).map(ServerFrame.class::cast);
    }

    /** Sends one frame (inside a task). A closed socket swallows it: the client will resume. */
    Uni<Void> send(ServerFrame frame) {
        if (connection.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        return connection.sendText(EventJson.write(frame))
                .onFailure().invoke(error -> LOG.debugf("Frame to closed connection %s dropped: %s", connection.id(), error))
                .onFailure().recoverWithNull();
    }

    /**
     * Opens the stream of a new socket. The hello goes first in the queue, then the hold for an opening resume; the
     * stream then becomes visible to live pushes (in the connection's user data and in {@code index}) and only then
     * starts, so the hello
     * reads its snapshot once every later push is sure to reach this stream: an offer or event committed meanwhile is
     * either in the snapshot or pushed live behind it, and what is both is sent once (tracked seqs and offer ids).
     */
    public void open(Supplier<Uni<Void>> hello, Duration resumeWindow, StreamIndex index) {
        enqueue(hello);
        awaitOpeningResume(resumeWindow);
        connection.userData().put(KEY, this);
        index.add(this);
        start();
    }

    /** The socket closed: no push reaches this stream any more. */
    public static void close(WebSocketConnection connection, StreamIndex index) {
        ClientStream stream = connection.userData().get(KEY);
        connection.userData().remove(KEY);
        if (stream != null) {
            index.remove(stream);
        }
    }

    /**
     * Holds every later push until the client's first frame or until {@code window} has passed: when that first
     * frame is a {@code resume}, its replay runs here, before any live frame, so the client gets the conversation
     * strictly in order. Queued right after the hello.
     */
    private void awaitOpeningResume(Duration window) {
        enqueue(() -> openingResume(window)
                .chain(replay -> replay == null ? Uni.createFrom().voidItem() : replay.get()));
    }

    /**
     * The replay of a {@code resume} that opened the connection within {@code window}, else null. Waits on a copy:
     * the time-out cancels what it waits on, and the connection's own future must stay completable so that the
     * time-out and a resume arriving at that instant agree on which came first.
     */
    Uni<Supplier<Uni<Void>>> openingResume(Duration window) {
        return Uni.createFrom().completionStage(openingResume.copy())
                .ifNoItem().after(window).recoverWithItem(() -> {
                    openingResume.complete(null);
                    return openingResume.join();
                });
    }

    /** Runs a resume's replay: at the opening of the connection if it is the first frame, else in turn. */
    public void resume(Supplier<Uni<Void>> replay) {
        if (!openingResume.complete(replay)) {
            enqueue(replay);
        }
    }

    /** The client's first frame was not a resume: nothing to wait for. */
    public void noOpeningResume() {
        openingResume.complete(null);
    }

    /** Queues a frame behind everything already queued for this socket. */
    public void push(ServerFrame frame) {
        enqueue(() -> send(frame));
    }

    /** Queues work that sends frames; tasks run one at a time, in the order they were queued. */
    public void enqueue(Supplier<Uni<Void>> task) {
        tasks.add(task);
        drain();
    }

    /**
     * Lets the queued tasks run. A socket queues its opening work (the hello) first, then becomes visible to live
     * pushes, then starts: the hello reads its snapshot only once every later push is sure to reach this stream.
     */
    public void start() {
        started = true;
        drain();
    }

    /**
     * Runs the queued tasks one after the other. A loop rather than a recursion: a task that completes at once lets
     * the loop take the next one, and only a task that completes later resumes draining from its own callback, so a
     * long backlog of quick tasks never deepens the stack.
     */
    private void drain() {
        if (!started || !running.compareAndSet(false, true)) {
            return;
        }
        while (true) {
            Supplier<Uni<Void>> task = tasks.poll();
            if (task == null) {
                running.set(false);
                // A task queued between poll() and set(false) must not be stranded.
                if (tasks.isEmpty() || !running.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            if (!completedAtOnce(task)) {
                return;
            }
        }
    }

    /** Runs one task; true when it completed before this returns, else its completion resumes draining. */
    private boolean completedAtOnce(Supplier<Uni<Void>> task) {
        Uni<Void> work;
        try {
            work = task.get();
        } catch (RuntimeException e) {
            work = Uni.createFrom().failure(e);
        }
        // Whichever of the completion and this method comes second (any thread) sees settled already set: if that is
        // the completion, the task finished later and resumes draining; if it is this method, it finished at once.
        AtomicBoolean settled = new AtomicBoolean();
        Runnable done = () -> {
            if (settled.getAndSet(true)) {
                running.set(false);
                drain();
            }
        };
        work.subscribe().with(ignored -> done.run(), error -> {
            LOG.warnf(error, "Push to connection %s failed", connection.id());
            done.run();
        });
        return settled.getAndSet(true);
    }
}
