package com.livechat.gateway.metrics;

import com.livechat.gateway.projection.SupervisionStore;
import com.livechat.gateway.supervision.AgentFigures;
import com.livechat.gateway.supervision.Overview;
import com.livechat.gateway.supervision.QueueFigures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The supervisor console's figures as Prometheus gauges ({@code /q/metrics}), tagged by {@code queue} or
 * {@code agent}, recomputed every {@code livechat.gateway.supervision.metrics-interval} from the same projection and
 * rules as the console. The "today" counts are gauges, not counters: they start again from 0 at midnight (the
 * configured zone). Every gateway instance exports the same values (the projection is shared): aggregate with
 * {@code max}, not {@code sum}.
 */
@ApplicationScoped
public class SupervisionGauges {

    private static final Logger LOG = Logger.getLogger(SupervisionGauges.class);

    private record QueueGauge(MultiGauge gauge, ToDoubleFunction<QueueFigures> value) {
    }

    private record AgentGauge(MultiGauge gauge, ToDoubleFunction<AgentFigures> value) {
    }

    private final SupervisionStore supervision;
    private final List<QueueGauge> queueGauges = new ArrayList<>();
    private final List<AgentGauge> agentGauges = new ArrayList<>();
    private final MultiGauge queueChatsToday;
    private final MultiGauge agentState;

    public SupervisionGauges(SupervisionStore supervision, MeterRegistry registry) {
        this.supervision = supervision;
        queue(registry, "livechat.queue.waiting.chats", "Chats waiting in the queue now", q -> q.waiting());
        queue(registry, "livechat.queue.longest.wait.seconds", "Wait of the chat waiting longest",
                q -> q.longestWaitSeconds());
        queue(registry, "livechat.queue.average.wait.seconds", "Average time in queue of the chats answered today",
                q -> q.averageWaitSeconds() == null ? Double.NaN : q.averageWaitSeconds());
        queue(registry, "livechat.queue.average.handle.seconds",
                "Average time from joining to wrap-up done, chats handled today",
                q -> q.averageHandleSeconds() == null ? Double.NaN : q.averageHandleSeconds());
        queue(registry, "livechat.queue.service.level",
                "Chats answered today within the threshold / (answered + abandoned), 0 to 1",
                q -> q.serviceLevel() == null ? Double.NaN : q.serviceLevel());
        queue(registry, "livechat.queue.surveys.today", "Satisfaction surveys of the queue's chats submitted today",
                q -> q.surveys());
        queue(registry, "livechat.queue.average.rating", "Average satisfaction rating (1 to 5) of today's surveys",
                q -> q.averageRating() == null ? Double.NaN : q.averageRating());
        queueChatsToday = MultiGauge.builder("livechat.queue.chats.today")
                .description("Chats of the queue today, by outcome: offered, answered, abandoned, transferred")
                .register(registry);
        agent(registry, "livechat.agent.active.chats", "Chats the agent is in now", a -> a.activeChats());
        agent(registry, "livechat.agent.capacity", "How many chats the agent may take at once", a -> a.capacity());
        agent(registry, "livechat.agent.state.seconds", "Time in the current state", a -> a.secondsInState());
        agent(registry, "livechat.agent.rona.today", "Offers the agent let time out today", a -> a.ronaToday());
        agentState = MultiGauge.builder("livechat.agent.state")
                .description("1 for the agent's current state (tag state; idle_code with IDLE)").register(registry);
    }

    private void queue(MeterRegistry registry, String name, String description, ToDoubleFunction<QueueFigures> value) {
        queueGauges.add(new QueueGauge(MultiGauge.builder(name).description(description).register(registry), value));
    }

    private void agent(MeterRegistry registry, String name, String description, ToDoubleFunction<AgentFigures> value) {
        agentGauges.add(new AgentGauge(MultiGauge.builder(name).description(description).register(registry), value));
    }

    @Scheduled(identity = "supervision-gauges", every = "${livechat.gateway.supervision.metrics-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return supervision.current().invoke(this::publish).replaceWithVoid()
                .onFailure().recoverWithItem(error -> {
                    // The database is unavailable: the gauges keep their last values until the next round.
                    LOG.warnf("Supervision gauges not refreshed: %s", error.getMessage());
                    return null;
                });
    }

    void publish(Overview overview) {
        for (QueueGauge q : queueGauges) {
            q.gauge().register(overview.queues().stream()
                    .filter(figures -> !Double.isNaN(q.value().applyAsDouble(figures)))
                    .map(figures -> MultiGauge.Row.of(Tags.of("queue", figures.queueId()),
                            q.value().applyAsDouble(figures)))
                    .toList(), true);
        }
        List<MultiGauge.Row<?>> today = new ArrayList<>();
        for (QueueFigures figures : overview.queues()) {
            today.add(MultiGauge.Row.of(Tags.of("queue", figures.queueId(), "outcome", "offered"), figures.offered()));
            today.add(MultiGauge.Row.of(Tags.of("queue", figures.queueId(), "outcome", "answered"), figures.answered()));
            today.add(MultiGauge.Row.of(Tags.of("queue", figures.queueId(), "outcome", "abandoned"),
                    figures.abandoned()));
            today.add(MultiGauge.Row.of(Tags.of("queue", figures.queueId(), "outcome", "transferred"),
                    figures.transferred()));
        }
        queueChatsToday.register(today, true);
        for (AgentGauge a : agentGauges) {
            a.gauge().register(overview.agents().stream()
                    .map(figures -> MultiGauge.Row.of(Tags.of("agent", figures.agentId()),
                            a.value().applyAsDouble(figures)))
                    .toList(), true);
        }
        agentState.register(overview.agents().stream()
                .map(figures -> MultiGauge.Row.of(Tags.of("agent", figures.agentId(), "state", figures.state(),
                        "idle_code", figures.idleCode() == null ? "" : figures.idleCode()), 1))
                .toList(), true);
    }
}
