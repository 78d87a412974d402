package org.quotecheck.database;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code x in (...)} for lists of ids in HQL, with a fixed number of single parameters. Hibernate does not cache the
 * translation of a query bound to a list parameter (its SQL depends on the list's length), so each such query is
 * translated again on every call, which cost the approval queue a fifth of its time. With {@value #SIZE} single
 * parameters (the unused ones bound to an id that does not exist) the query text never changes and its plan is reused.
 */
public final class InList {

    public static final int SIZE = 32;
    private static final long NO_ID = -1;

    private InList() {
    }

    /** {@code (:name0, :name1, ...)}, to follow {@code in} in a query. */
    public static String parameters(String name) {
        return IntStream.range(0, SIZE).mapToObj(i -> ":" + name + i).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Binds one chunk (at most {@value #SIZE} ids) to the parameters of {@link #parameters(String)}. */
    public static <Q extends Query> Q bind(Q query, String name, List<Long> chunk) {
        if (chunk.size() > SIZE) {
            throw new IllegalArgumentException("at most " + SIZE + " ids per query, got " + chunk.size());
        }
        for (int i = 0; i < SIZE; i++) {
            query.setParameter(name + i, i < chunk.size() ? chunk.get(i) : NO_ID);
        }
        return query;
    }

    /** Runs {@code query} once per chunk of {@code ids} and joins the results, in chunk order. */
    public static <T> List<T> collect(List<Long> ids, Function<List<Long>, List<T>> query) {
        List<Long> distinct = ids.stream().distinct().toList();
        List<T> results = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += SIZE) {
            results.addAll(query.apply(distinct.subList(from, Math.min(distinct.size(), from + SIZE))));
        }
        return results;
    }
}
