package com.livechat.platform.failure;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Walks a failure's cause chain, outermost first, safely: a cycle or an absurdly deep chain ends the walk. */
public final class Causes {

    private static final int MAX_CAUSES = 32;

    private Causes() {
    }

    /** The first non-null answer of {@code probe} for {@code failure} or one of its causes, if any. */
    public static <T> Optional<T> first(Throwable failure, Function<Throwable, T> probe) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.size() < MAX_CAUSES && seen.add(cause);
                cause = cause.getCause()) {
            T answer = probe.apply(cause);
            if (answer != null) {
                return Optional.of(answer);
            }
        }
        return Optional.empty();
    }
}
