package org.quotecheck.web;

import java.util.List;
import java.util.stream.IntStream;

/** One page of a list, with what the page links and the API's paging fields need. Pages count from 1. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount();
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }

    public long firstItem() {
        return total == 0 ? 0 : (long) (page - 1) * size + 1;
    }

    public long lastItem() {
        return Math.min(total, (long) page * size);
    }

    /** Page numbers to link: the first, the last and a few around the current one. */
    public List<Integer> nearbyPages() {
        return IntStream.rangeClosed(1, pageCount())
                .filter(p -> p == 1 || p == pageCount() || Math.abs(p - page) <= 2).boxed().toList();
    }

    /** Beyond this page nothing is listed (and offsets stay far from overflowing). */
    public static final int MAX_PAGE = 1_000_000;

    public static int clampPage(Integer page) {
        return page == null || page < 1 ? 1 : Math.min(page, MAX_PAGE);
    }

    /** The offset of a page's first item, computed without overflow. */
    public static int offset(int page, int size) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (Math.max(1, page) - 1) * size);
    }

    public static int clampSize(Integer size) {
        return size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }
}
