package com.livechat.gateway.socket;

import io.quarkus.websockets.next.WebSocketConnection;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The push side's index of open streams: by agent, by a customer's conversation, by monitored conversation. */
class StreamIndexTest {

    private final StreamIndex index = new StreamIndex();

    @Test
    void findsEveryStreamOfAnAgentAndNoOtherOne() {
        ClientStream desk = agent("alice");
        ClientStream laptop = agent("alice");
        ClientStream bob = agent("bob");
        index.add(desk);
        index.add(laptop);
        index.add(bob);

        assertEquals(Set.of(desk, laptop), Set.copyOf(index.agent("alice")));
        assertEquals(Set.of(bob), Set.copyOf(index.agent("bob")));
        assertTrue(index.agent("carol").isEmpty());
        assertTrue(index.customers("alice").isEmpty(), "agents are not found as customers");
    }

    @Test
    void findsTheCustomerStreamsOfAConversation() {
        ClientStream tab = customer("c-1");
        ClientStream otherTab = customer("c-1");
        ClientStream other = customer("c-2");
        index.add(tab);
        index.add(otherTab);
        index.add(other);

        assertEquals(Set.of(tab, otherTab), Set.copyOf(index.customers("c-1")));
        assertEquals(Set.of(other), Set.copyOf(index.customers("c-2")));
        assertFalse(index.hasAgentStreams());
        assertTrue(index.agent(null).isEmpty());
    }

    @Test
    void aRemovedStreamIsNotFoundAnyMoreAndItsKeyIsForgotten() {
        ClientStream desk = agent("alice");
        ClientStream laptop = agent("alice");
        ClientStream tab = customer("c-1");
        index.add(desk);
        index.add(laptop);
        index.add(tab);
        index.monitor(desk, "c-9");

        index.remove(desk);
        index.remove(tab);

        assertEquals(List.of(laptop), List.copyOf(index.agent("alice")));
        assertTrue(index.customers("c-1").isEmpty());
        assertTrue(index.monitoring("c-9").isEmpty(), "a closed socket monitors nothing");
        assertTrue(index.hasAgentStreams());
        index.remove(laptop);
        index.remove(laptop);
        assertFalse(index.hasAgentStreams(), "removing twice counts once");
    }

    @Test
    void aMonitoringStreamIsFoundByTheConversationItMonitors() {
        ClientStream supervisor = agent("sue");
        index.add(supervisor);

        assertTrue(index.monitor(supervisor, "c-1"));
        assertFalse(index.monitor(supervisor, "c-1"), "the second time is not the first");

        assertEquals(List.of(supervisor), List.copyOf(index.monitoring("c-1")));
        assertTrue(supervisor.monitors("c-1"));
        assertTrue(index.monitoring("c-2").isEmpty());
    }

    @Test
    void aStreamClosedWhileItStartsMonitoringIsNotLeftInTheIndex() {
        AtomicBoolean open = new AtomicBoolean(true);
        ClientStream supervisor = ClientStream.forAgent(connection(open), "sue", bucket());
        index.add(supervisor);
        open.set(false);
        index.remove(supervisor);

        index.monitor(supervisor, "c-1");

        assertTrue(index.monitoring("c-1").isEmpty());
    }

    @Test
    void manyStreamsAddedAndRemovedFromSeveralThreadsLeaveExactlyTheOpenOnes() throws InterruptedException {
        List<ClientStream> streams = java.util.stream.IntStream.range(0, 400).mapToObj(i -> agent("a-" + (i % 7)))
                .toList();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int slice = t;
            threads.add(new Thread(() -> {
                for (int i = slice; i < streams.size(); i += 4) {
                    index.add(streams.get(i));
                    if (i % 2 == 0) {
                        index.remove(streams.get(i));
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        int found = 0;
        for (int a = 0; a < 7; a++) {
            for (ClientStream stream : index.agent("a-" + a)) {
                assertEquals(1, streams.indexOf(stream) % 2, "only the streams never removed are found");
                found++;
            }
        }
        assertEquals(200, found);
    }

    private static ClientStream agent(String agentId) {
        return ClientStream.forAgent(connection(new AtomicBoolean(true)), agentId, bucket());
    }

    private static ClientStream customer(String conversationId) {
        return ClientStream.forCustomer(connection(new AtomicBoolean(true)), conversationId, bucket());
    }

    private static TokenBucket bucket() {
        return TokenBucket.onClock(20, 10, Clock.systemUTC());
    }

    private static WebSocketConnection connection(AtomicBoolean open) {
        return (WebSocketConnection) Proxy.newProxyInstance(StreamIndexTest.class.getClassLoader(),
                new Class<?>[] {WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> open.get();
                    case "isClosed" -> !open.get();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
