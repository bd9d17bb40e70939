package com.livechat.platform.outbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Multi-row statements in bounded chunks: one statement per chunk, run one after the other in list order. */
final class Chunks {

    private Chunks() {
    }

    static <T, R> Multi<R> inOrder(List<T> items, int chunkSize, Function<List<T>, Uni<R>> statement) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += chunkSize) {
            chunks.add(items.subList(from, Math.min(items.size(), from + chunkSize)));
        }
        return Multi.createFrom().iterable(chunks).onItem().transformToUniAndConcatenate(statement::apply);
    }
}
