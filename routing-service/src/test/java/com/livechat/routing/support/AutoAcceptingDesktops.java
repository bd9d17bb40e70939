package com.livechat.routing.support;

import com.livechat.contracts.events.ParticipantState;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.ChatAssigned;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Plays the agent desktops (and the conversation service's wrap-up) for a set of agents: accepts every offer made to
 * them, from several threads at once, and ends each assigned chat after a short random time, freeing the slot.
 */
public final class AutoAcceptingDesktops implements AutoCloseable {

    private final TopicRecorder<RoutingEvent> events;
    private final Inputs inputs;
    private final Set<String> agents;
    private final int maxChatMillis;
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(8);
    private final Thread watcher;
    private volatile boolean running = true;

    public AutoAcceptingDesktops(TopicRecorder<RoutingEvent> events, Inputs inputs, Set<String> agents,
            int maxChatMillis) {
        this.events = events;
        this.inputs = inputs;
        this.agents = Set.copyOf(agents);
        this.maxChatMillis = maxChatMillis;
        this.watcher = new Thread(this::watch, "auto-accepting-desktops");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        int next = events.size();
        while (running) {
            while (next < events.size()) {
                react(events.get(next++));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void react(RoutingEvent event) {
        if (event instanceof ChatOffered offer && agents.contains(offer.agentId())) {
            workers.execute(() -> inputs.send(Inputs.accept(offer.agentId(), offer.offerId(), offer.conversationId())));
        } else if (event instanceof ChatAssigned assigned && agents.contains(assigned.agentId())) {
            workers.schedule(() -> inputs.send(Inputs.participation(assigned.conversationId(), assigned.agentId(),
                            ParticipantState.ACTIVE, ParticipantState.WRAP_UP)),
                    ThreadLocalRandom.current().nextInt(maxChatMillis + 1), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
        workers.shutdownNow();
    }
}
