package com.livechat.routing.support;

import com.livechat.contracts.events.AgentState;
import com.livechat.contracts.events.ReferenceData;
import com.livechat.contracts.events.RoutingEvent;
import com.livechat.contracts.events.RoutingEvent.AgentStateChanged;
import com.livechat.contracts.events.RoutingEvent.ChatOffered;
import com.livechat.contracts.events.Topics;
import com.livechat.platform.kafka.ReferenceDataDeserializer;
import com.livechat.platform.kafka.RoutingEventDeserializer;
import com.livechat.testsupport.EmbeddedKafka;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.livechat.testsupport.auth.AdminRequests.asAdmin;
import static org.awaitility.Awaitility.await;

/**
 * What the routing {@code @QuarkusTest}s share: the input producer, the output recorder (both on the shared broker,
 * created once per JVM), and admin shortcuts. Every test uses its own queue and agent ids.
 */
public abstract class RoutingTestBase {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    private static Inputs inputs;
    private static RoutingEvents recorder;
    private static TopicRecorder<ReferenceData> referenceData;

    @BeforeAll
    static void startRecording() {
        recorder();
        referenceData();
    }

    protected static synchronized Inputs inputs() {
        if (inputs == null) {
            inputs = new Inputs(EmbeddedKafka.bootstrapServers());
        }
        return inputs;
    }

    /** Every routing event published since the first test asked for it. */
    protected static synchronized RoutingEvents recorder() {
        if (recorder == null) {
            recorder = new RoutingEvents(new TopicRecorder<>(EmbeddedKafka.bootstrapServers(), Topics.ROUTING_EVENTS,
                    new RoutingEventDeserializer(), RoutingEvent::eventId));
        }
        return recorder;
    }

    protected static synchronized TopicRecorder<ReferenceData> referenceData() {
        if (referenceData == null) {
            referenceData = new TopicRecorder<>(EmbeddedKafka.bootstrapServers(), Topics.REFERENCE_DATA,
                    new ReferenceDataDeserializer(), null);
        }
        return referenceData;
    }

    /** The routing events recorded, filtered by type. */
    public record RoutingEvents(TopicRecorder<RoutingEvent> topic) {

        public <T extends RoutingEvent> List<T> events(Class<T> type, Predicate<? super T> filter) {
            return topic.records(type, filter);
        }

        public <T extends RoutingEvent> List<T> events(Class<T> type) {
            return topic.records(type, event -> true);
        }
    }

    protected static void putQueue(String queueId, int ronaTimeoutSeconds) {
        putQueue(queueId, Map.of("name", "Queue " + queueId, "ronaTimeoutSeconds", ronaTimeoutSeconds))
                .statusCode(200);
    }

    /** Creates or changes a queue through the admin API, as an administrator; the answer, to check. */
    protected static ValidatableResponse putQueue(String queueId, Map<String, ?> settings) {
        return asAdmin().contentType(ContentType.JSON).body(settings).put("/admin/queues/{id}", queueId).then();
    }

    protected static void putAgent(String agentId, int capacity, String... queueIds) {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("displayName", "Agent " + agentId, "queueIds", List.of(queueIds), "capacity", capacity))
                .put("/admin/agents/{id}", agentId)
                .then().statusCode(200);
    }

    /** Sends the agent's state change and waits until routing published it. */
    protected static void changeState(String agentId, AgentState state) {
        int before = recorder().events(AgentStateChanged.class, e -> e.agentId().equals(agentId) && e.state() == state).size();
        inputs().send(Inputs.state(agentId, state));
        await().atMost(WAIT).until(() -> recorder().events(AgentStateChanged.class,
                e -> e.agentId().equals(agentId) && e.state() == state).size() > before);
    }

    protected static <T extends RoutingEvent> T awaitEvent(Class<T> type, Predicate<? super T> filter) {
        return await().atMost(WAIT).until(() -> recorder().events(type, filter), list -> !list.isEmpty()).get(0);
    }

    protected static ChatOffered awaitOffer(String conversationId) {
        return awaitEvent(ChatOffered.class, e -> e.conversationId().equals(conversationId));
    }

    protected static List<ChatOffered> offers(String conversationId) {
        return recorder().events(ChatOffered.class, e -> e.conversationId().equals(conversationId));
    }
}
