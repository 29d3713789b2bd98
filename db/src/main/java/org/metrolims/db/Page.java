package org.metrolims.db;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, as every list endpoint and page returns it.
 *
 * @param items      the items on this page
 * @param page       zero-based page number
 * @param size       requested page size
 * @param totalItems items in the whole list
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems);
    }
}
