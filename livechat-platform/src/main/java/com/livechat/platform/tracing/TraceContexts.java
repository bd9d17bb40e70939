package com.livechat.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The W3C trace context ({@code traceparent}) where the framework cannot carry it by itself: read from a Kafka
 * record's headers in a batch consumer, and kept as text with an outbox row so that the relay's publish continues the
 * trace of the decision that wrote the row. A trace context that is not sampled is ignored: nothing records or
 * stores it.
 */
public final class TraceContexts {

    /** The W3C Trace Context header, on HTTP requests and Kafka records alike. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> TRACEPARENT_TEXT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private TraceContexts() {
    }

    /**
     * The record's {@code traceparent} header, or {@code null} when the producer traced nothing or did not sample
     * it (tracing off: flags {@code 00}), so that nothing downstream records or stores it.
     */
    public static String traceparent(Headers headers) {
        Header header = headers.lastHeader(TRACEPARENT);
        if (header == null) {
            return null;
        }
        String traceparent = new String(header.value(), StandardCharsets.UTF_8);
        return traceparent.endsWith("-00") ? null : traceparent;
    }

    /**
     * The {@code traceparent} of the span in {@code context}, or {@code null} when it has none or it is not sampled
     * (tracing off).
     */
    public static String traceparent(Context context) {
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid() || !span.isSampled()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /**
     * The context whose (remote) parent span {@code traceparent} names; the root context when it is {@code null} or
     * not a valid traceparent, so that a span started from it begins a trace of its own.
     */
    public static Context parent(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, TRACEPARENT_TEXT);
    }
}
