package dev.betweenrows.store;

import java.util.List;

/** One page of results and the total count (the admin API's {@code {data,total,page,page_size}}). */
public record Page<T>(List<T> items, long total, int page, int pageSize) {
    public Page {
        items = List.copyOf(items);
    }
}
