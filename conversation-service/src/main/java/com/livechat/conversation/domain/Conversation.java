package com.livechat.conversation.domain;

import com.livechat.contracts.events.ConversationState;

import java.time.Instant;

/**
 * A chat between one customer and the agents who take part in it; the root every change goes through. A plain
 * object: the persistence adapter loads it from its row and writes its values back.
 */
public final class Conversation {

    private final String id;
    private ConversationState state;
    private String queueId;
    private String queueName;
    private String customerName;
    private String customerEmail;
    private String customerPhone;
    private final boolean proactive;
    private final Instant waitingSince;
    private long lastSeq;
    private final Instant startedAt;
    private Instant updatedAt;
    private Instant endedAt;
    private Instant closedAt;
    /** The customer-inactivity settings of the queue's latest offer (null: the service's defaults). */
    private Integer inactivityWarningSeconds;
    private Integer inactivityGraceSeconds;
    /** Absolute deadlines of the running inactivity timer (null: none runs); see {@link CustomerInactivity}. */
    private Instant inactivityWarnAt;
    private Instant inactivityEndAt;
    private boolean inactivityWarned;
    /** When the customer's data was erased on request (null: never); see {@link CustomerErasure}. */
    private Instant erasedAt;
    /**
     * The chat is a message the customer left (the widget's message form), not a live chat: every
     * {@code ConversationQueued} says so, and routing then never ends it at the queue's maximum wait.
     */
    private boolean leftMessage;

    /** A new conversation, QUEUED since {@code now}. */
    public Conversation(String id, String queueId, String queueName, String customerName, String customerEmail,
            String customerPhone, boolean proactive, Instant now) {
        this(id, queueId, queueName, customerName, customerEmail, customerPhone, proactive, now, now);
        this.state = ConversationState.QUEUED;
        this.updatedAt = now;
    }

    private Conversation(String id, String queueId, String queueName, String customerName, String customerEmail,
            String customerPhone, boolean proactive, Instant waitingSince, Instant startedAt) {
        this.id = id;
        this.queueId = queueId;
        this.queueName = queueName;
        this.customerName = customerName;
        this.customerEmail = customerEmail;
        this.customerPhone = customerPhone;
        this.proactive = proactive;
        this.waitingSince = waitingSince;
        this.startedAt = startedAt;
    }

    /** A conversation as it was stored (for the persistence adapter). */
    public static Conversation restore(String id, ConversationState state, String queueId, String queueName,
            String customerName, String customerEmail, String customerPhone, boolean proactive, Instant waitingSince,
            long lastSeq, Instant startedAt, Instant updatedAt, Instant endedAt, Instant closedAt) {
        Conversation conversation = new Conversation(id, queueId, queueName, customerName, customerEmail,
                customerPhone, proactive, waitingSince, startedAt);
        conversation.state = state;
        conversation.lastSeq = lastSeq;
        conversation.updatedAt = updatedAt;
        conversation.endedAt = endedAt;
        conversation.closedAt = closedAt;
        return conversation;
    }

    /** The stored inactivity settings and deadlines (for the persistence adapter). */
    public void restoreInactivity(Integer warningSeconds, Integer graceSeconds, Instant warnAt, Instant endAt,
            boolean warned) {
        this.inactivityWarningSeconds = warningSeconds;
        this.inactivityGraceSeconds = graceSeconds;
        this.inactivityWarnAt = warnAt;
        this.inactivityEndAt = endAt;
        this.inactivityWarned = warned;
    }

    /** Whether the chat is a message the customer left (set at the start, or as it was stored). */
    public void leftMessage(boolean leftMessage) {
        this.leftMessage = leftMessage;
    }

    public boolean leftMessage() {
        return leftMessage;
    }

    /** The stored erasure instant (for the persistence adapter). */
    public void restoreErasure(Instant erasedAt) {
        this.erasedAt = erasedAt;
    }

    /** Forgets the customer: the name reads {@link CustomerErasure#ERASED}, e-mail and phone are gone. */
    void eraseCustomer(Instant now) {
        this.customerName = CustomerErasure.ERASED;
        this.customerEmail = null;
        this.customerPhone = null;
        this.erasedAt = now;
        this.updatedAt = now;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    void inactivitySettings(Integer warningSeconds, Integer graceSeconds) {
        this.inactivityWarningSeconds = warningSeconds;
        this.inactivityGraceSeconds = graceSeconds;
    }

    void inactivityDeadlines(Instant warnAt, Instant endAt, boolean warned) {
        this.inactivityWarnAt = warnAt;
        this.inactivityEndAt = endAt;
        this.inactivityWarned = warned;
    }

    public Integer inactivityWarningSeconds() {
        return inactivityWarningSeconds;
    }

    public Integer inactivityGraceSeconds() {
        return inactivityGraceSeconds;
    }

    public Instant inactivityWarnAt() {
        return inactivityWarnAt;
    }

    public Instant inactivityEndAt() {
        return inactivityEndAt;
    }

    public boolean inactivityWarned() {
        return inactivityWarned;
    }

    /** Moves to {@code target} if the state machine allows it, else throws {@link IllegalTransitionException}. */
    public void moveTo(ConversationState target, Instant now) {
        Transitions.check(state, target);
        state = target;
        updatedAt = now;
        if (target == ConversationState.ENDED || target == ConversationState.ABANDONED) {
            endedAt = now;
        } else if (target == ConversationState.CLOSED) {
            closedAt = now;
        }
    }

    /** The next number of this conversation's event sequence (1, 2, 3... without gaps). */
    public long nextSeq() {
        return ++lastSeq;
    }

    /** The chat now waits in another queue (transfer to a queue); its original waiting time is kept. */
    public void changeQueue(String newQueueId, String newQueueName) {
        this.queueId = newQueueId;
        this.queueName = newQueueName;
    }

    public String id() {
        return id;
    }

    public ConversationState state() {
        return state;
    }

    public String queueId() {
        return queueId;
    }

    public String queueName() {
        return queueName;
    }

    public String customerName() {
        return customerName;
    }

    public String customerEmail() {
        return customerEmail;
    }

    public String customerPhone() {
        return customerPhone;
    }

    public boolean proactive() {
        return proactive;
    }

    public Instant waitingSince() {
        return waitingSince;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
