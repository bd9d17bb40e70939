package com.livechat.platform.persistence;

import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Collection;
import java.util.List;

/**
 * Binds a parameter of a native select as a list, which keeps the select out of Hibernate's query plan cache.
 *
 * <p><b>Invariant: every native select that runs more than once binds at least one of its parameters here</b>
 * ({@link #bindOne} or {@link #bindList}). With Hibernate Reactive 3.1 (ORM 7.1) a native select never hits that
 * cache: its key ({@code SelectInterpretationsKey}) holds the query's {@code ReactiveResultSetMapping}, which has no
 * {@code equals} (identity), and every query builds a new one, so each execution misses and stores one more entry.
 * All entries of one statement share its hash (the SQL's), so they pile up in one bin that every later lookup scans
 * ({@code ConcurrentHashMap$TreeNode.findTreeNode}: 24-28 % of conversation-service's CPU under load), and they fill
 * the bounded cache (2,048 entries) with entries nobody finds again. (HQL parses are cached apart, untouched.) The only thing that keeps a native select out of the cache is a
 * multi-valued binding ({@code NativeQueryImpl.isCacheableQuery}); building its plan each time costs little (the
 * parsed parameters of the SQL are cached apart). docs/performance, row 15. When a Hibernate Reactive version gives
 * {@code ReactiveResultSetMapping} an {@code equals}, this class can go: {@code QueryPlanCacheTest} (in
 * conversation-service) counts the cache misses either way.
 */
public final class NativeSelects {

    private NativeSelects() {
    }

    /**
     * Binds {@code value} to {@code :name} as a one-element list: Hibernate writes {@code ?} where the parameter
     * stands alone in parentheses ({@code in (:name)}, {@code f(:name)}) and {@code (?)} elsewhere, the same
     * expression in PostgreSQL.
     */
    public static <R> Mutiny.SelectionQuery<R> bindOne(Mutiny.SelectionQuery<R> query, String name, Object value) {
        return query.setParameter(name, List.of(value));
    }

    /** Binds {@code values} (at least one) to {@code :name}, written {@code in (:name)}. */
    public static <R> Mutiny.SelectionQuery<R> bindList(Mutiny.SelectionQuery<R> query, String name,
                                                      Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("An empty list for :" + name);
        }
        return query.setParameter(name, List.copyOf(values));
    }
}
