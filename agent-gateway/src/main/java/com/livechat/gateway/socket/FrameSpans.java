package com.livechat.gateway.socket;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * A span per socket frame: a frame has no HTTP headers, so its handling starts a trace of its own, which the command
 * it sends to Kafka continues (SmallRye takes the current context when the command is published). The span stays
 * current on the frame's Vert.x context until the handling ends, across its asynchronous steps. With tracing off the
 * span does not record and the frame is handled without it.
 */
@ApplicationScoped
public class FrameSpans {

    static final String NAME = "gateway socket frame";

    private final Tracer tracer;

    public FrameSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    Uni<Void> traced(Supplier<Uni<Void>> handling) {
        Span span = tracer.spanBuilder(NAME).setSpanKind(SpanKind.SERVER).startSpan();
        if (!span.isRecording()) {
            return handling.get();
        }
        Scope scope = span.makeCurrent();
        Uni<Void> handled;
        try {
            handled = handling.get();
        } catch (RuntimeException e) {
            scope.close();
            span.end();
            throw e;
        }
        return handled.onTermination().invoke(() -> {
            scope.close();
            span.end();
        });
    }
}
