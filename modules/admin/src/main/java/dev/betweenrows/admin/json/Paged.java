package dev.betweenrows.admin.json;

import java.util.List;

/** A page of a list: {@code {data, total, page, page_size}}. */
public record Paged<T>(List<T> data, long total, int page, int pageSize) {}
