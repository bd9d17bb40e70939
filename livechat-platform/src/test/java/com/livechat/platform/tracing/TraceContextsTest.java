package com.livechat.platform.tracing;

import io.opentelemetry.api.trace.Span;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class TraceContextsTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void aTraceparentSurvivesTheTripThroughTheOutbox() {
        assertEquals(TRACEPARENT, TraceContexts.traceparent(TraceContexts.parent(TRACEPARENT)));
    }

    @Test
    void noOrABrokenTraceparentStartsNoTrace() {
        assertFalse(Span.fromContext(TraceContexts.parent(null)).getSpanContext().isValid());
        assertFalse(Span.fromContext(TraceContexts.parent("00-garbage")).getSpanContext().isValid());
        assertNull(TraceContexts.traceparent(TraceContexts.parent("00-garbage")));
    }

    @Test
    void readsTheHeaderOfARecord() {
        RecordHeaders headers = new RecordHeaders();
        assertNull(TraceContexts.traceparent(headers));
        headers.add("traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        assertEquals(TRACEPARENT, TraceContexts.traceparent(headers));
    }

    @Test
    void anUnsampledTraceIsNotContinued() {
        String unsampled = TRACEPARENT.replace("-01", "-00");
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", unsampled.getBytes(StandardCharsets.UTF_8));
        assertNull(TraceContexts.traceparent(headers));
        assertNull(TraceContexts.traceparent(TraceContexts.parent(unsampled)));
    }
}
