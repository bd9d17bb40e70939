package com.livechat.gateway.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the console's figures from the projected facts. The rules, in one place:
 * <ul>
 * <li><b>waiting</b>, <b>longest wait</b>: entries without outcome, whatever day they entered; the wait is counted
 *     from when the chat entered this queue;</li>
 * <li><b>offered</b>: entries that entered the queue since {@code dayStart} (new chats, transfers in, requeues);</li>
 * <li><b>answered</b>, <b>abandoned</b>: entries with that outcome since {@code dayStart};</li>
 * <li><b>transferred</b>: entries of this queue whose answering agent transferred the chat on since
 *     {@code dayStart};</li>
 * <li><b>average wait</b>: over the answered entries of the day, outcome minus entry;</li>
 * <li><b>average handle</b>: over the entries whose handling ended (wrap-up done) since {@code dayStart}, from
 *     answer to wrap-up done (talk plus after-chat work);</li>
 * <li><b>service level</b>: entries answered today within the threshold / (answered + abandoned today);</li>
 * <li><b>surveys</b>, <b>average rating</b>: satisfaction surveys submitted since {@code dayStart}, counted for
 *     the queue the chat was last in (the queue of the survey), and their average rating;</li>
 * <li><b>RONA today</b>: offers the agent let time out since {@code dayStart}.</li>
 * </ul>
 * Queues are listed by name: the known queues, plus any queue an entry or a survey of the day mentions (a deleted
 * one keeps its figures for the day). Agents are listed by name, waiting chats longest first.
 */
public final class SupervisorFigures {

    private SupervisorFigures() {
    }

    public static Overview compute(List<QueueRef> queues, List<QueueEntry> entries, List<SurveyRating> surveys,
            List<AgentInput> agents, Map<String, Integer> ronaToday, Instant now, Instant dayStart,
            Duration threshold) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (QueueRef queue : queues) {
            tallies.put(queue.queueId(), new Tally(queue.queueId(), queue.queueName()));
        }
        List<WaitingChat> waiting = new ArrayList<>();
        for (QueueEntry entry : entries) {
            Tally tally = tallies.computeIfAbsent(entry.queueId(), id -> new Tally(id, entry.queueName()));
            tally.count(entry, now, dayStart, threshold);
            if (entry.waiting()) {
                waiting.add(new WaitingChat(entry.conversationId(), entry.queueId(), tally.name, entry.customerName(),
                        entry.enteredAt(), seconds(entry.enteredAt(), now)));
            }
        }
        for (SurveyRating survey : surveys) {
            if (today(survey.submittedAt(), dayStart)) {
                tallies.computeIfAbsent(survey.queueId(), id -> new Tally(id, survey.queueName())).rated(survey);
            }
        }
        List<QueueFigures> queueFigures = tallies.values().stream().map(tally -> tally.figures(now))
                .sorted(Comparator.comparing((QueueFigures q) -> sortName(q.queueName(), q.queueId()))
                        .thenComparing(QueueFigures::queueId))
                .toList();
        List<AgentFigures> agentFigures = agents.stream()
                .map(agent -> new AgentFigures(agent.agentId(), agent.displayName(), agent.state(), agent.idleCode(),
                        agent.stateSince(), agent.stateSince() == null ? 0 : seconds(agent.stateSince(), now),
                        agent.activeChats(), agent.capacity(), ronaToday.getOrDefault(agent.agentId(), 0)))
                .sorted(Comparator.comparing((AgentFigures a) -> sortName(a.displayName(), a.agentId()))
                        .thenComparing(AgentFigures::agentId))
                .toList();
        waiting.sort(Comparator.comparing(WaitingChat::enteredAt).thenComparing(WaitingChat::conversationId));
        return new Overview(now, dayStart, threshold.toSeconds(), queueFigures, agentFigures, List.copyOf(waiting));
    }

    /** Whole seconds from {@code from} to {@code to}, never negative (clocks of two machines may disagree). */
    static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    private static String sortName(String name, String id) {
        return (name == null ? id : name).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean today(Instant instant, Instant dayStart) {
        return instant != null && !instant.isBefore(dayStart);
    }

    private static final class Tally {
        final String id;
        String name;
        int waiting;
        Instant oldestWaiting;
        int offered;
        int answered;
        int abandoned;
        int transferred;
        int withinThreshold;
        long waitMillis;
        long handleMillis;
        int handled;
        int surveys;
        long ratingSum;

        Tally(String id, String name) {
            this.id = id;
            this.name = name;
        }

        void count(QueueEntry entry, Instant now, Instant dayStart, Duration threshold) {
            if (name == null) {
                name = entry.queueName();
            }
            if (entry.waiting()) {
                waiting++;
                if (oldestWaiting == null || entry.enteredAt().isBefore(oldestWaiting)) {
                    oldestWaiting = entry.enteredAt();
                }
            }
            if (today(entry.enteredAt(), dayStart)) {
                offered++;
            }
            if (today(entry.outcomeAt(), dayStart)) {
                if (entry.outcome() == QueueEntry.Outcome.ANSWERED) {
                    answered++;
                    Duration wait = Duration.between(entry.enteredAt(), entry.outcomeAt());
                    waitMillis += Math.max(0, wait.toMillis());
                    if (wait.compareTo(threshold) <= 0) {
                        withinThreshold++;
                    }
                } else if (entry.outcome() == QueueEntry.Outcome.ABANDONED) {
                    abandoned++;
                }
            }
            if (today(entry.transferredAt(), dayStart)) {
                transferred++;
            }
            if (today(entry.handledUntil(), dayStart) && entry.outcomeAt() != null) {
                handled++;
                handleMillis += Math.max(0, Duration.between(entry.outcomeAt(), entry.handledUntil()).toMillis());
            }
        }

        void rated(SurveyRating survey) {
            if (name == null) {
                name = survey.queueName();
            }
            surveys++;
            ratingSum += survey.rating();
        }

        QueueFigures figures(Instant now) {
            return new QueueFigures(id, name, waiting, oldestWaiting,
                    oldestWaiting == null ? 0 : seconds(oldestWaiting, now), offered, answered, abandoned, transferred,
                    withinThreshold, answered == 0 ? null : waitMillis / 1000.0 / answered,
                    handled == 0 ? null : handleMillis / 1000.0 / handled,
                    answered + abandoned == 0 ? null : (double) withinThreshold / (answered + abandoned),
                    surveys, surveys == 0 ? null : (double) ratingSum / surveys);
        }
    }
}
