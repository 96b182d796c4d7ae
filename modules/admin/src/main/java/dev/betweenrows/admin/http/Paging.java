package dev.betweenrows.admin.http;

import dev.betweenrows.admin.json.Paged;
import dev.betweenrows.store.Page;
import dev.betweenrows.store.PageRequest;
import io.helidon.webserver.http.ServerRequest;

import java.util.function.Function;

/** {@code ?page=&page_size=} (1-based, default 1 and 50, at most 500) and the {@code {data,total,page,page_size}} shape. */
public final class Paging {
    private Paging() {}

    public static PageRequest request(ServerRequest req) {
        int page = intParam(req, "page", 1);
        int size = intParam(req, "page_size", 50);
        if (page < 1 || size < 1 || size > PageRequest.MAX_PAGE_SIZE) {
            throw ApiException.badRequest("page must be >= 1 and page_size 1.." + PageRequest.MAX_PAGE_SIZE);
        }
        return new PageRequest(page, size);
    }

    public static <T, R> Paged<R> of(Page<T> page, Function<T, R> map) {
        return new Paged<>(page.items().stream().map(map).toList(), page.total(), page.page(), page.pageSize());
    }

    public static int intParam(ServerRequest req, String name, int fallback) {
        var v = req.query().first(name);
        if (v.isEmpty() || v.get().isBlank()) return fallback;
        try {
            return Integer.parseInt(v.get().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer");
        }
    }
}
