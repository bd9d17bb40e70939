package com.livechat.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.function.Function;

/**
 * The span of one hop's work on a record read in a batch, where the framework starts none per record: a child of the
 * span that produced the record ({@code traceparent} header). A record without a sampled one (produced outside any
 * trace) gets no span.
 */
public final class HopSpans {

    private final Tracer tracer;

    public HopSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Runs {@code work} inside a span named {@code name}, child of {@code traceparent}, handing it the span's own
     * traceparent (to store with what it writes: the outbox); without a {@code traceparent}, runs it with
     * {@code null} and no span. The span ends when the work does, marked as an error if it failed.
     */
    public <T> Uni<T> around(String name, String traceparent, Function<String, Uni<T>> work) {
        if (traceparent == null) {
            return work.apply(null);
        }
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(name).setParent(TraceContexts.parent(traceparent))
                    .setSpanKind(SpanKind.CONSUMER).startSpan();
            return work.apply(TraceContexts.traceparent(Context.root().with(span)))
                    .onTermination().invoke((item, failure, cancelled) -> {
                        if (failure != null) {
                            span.setStatus(StatusCode.ERROR, failure.toString());
                        }
                        span.end();
                    });
        });
    }

    /**
     * Records a finished hop named {@code name}, child of {@code traceparent}, from {@code start} to now (for work
     * that began with the batch, such as a projection, and ended with one record's push). No-op without a
     * {@code traceparent}.
     */
    public void record(String name, String traceparent, Instant start) {
        if (traceparent != null) {
            tracer.spanBuilder(name).setParent(TraceContexts.parent(traceparent)).setSpanKind(SpanKind.CONSUMER)
                    .setStartTimestamp(start).startSpan().end();
        }
    }
}
