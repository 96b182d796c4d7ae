package dev.betweenrows.store;

/** A page of a list: {@code page} counts from 1; {@code pageSize} is 1 to {@value #MAX_PAGE_SIZE}. */
public record PageRequest(int page, int pageSize) {
    public static final int MAX_PAGE_SIZE = 500;
    public static final PageRequest FIRST = new PageRequest(1, 50);

    public PageRequest {
        if (page < 1) throw new IllegalArgumentException("page must be >= 1");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE)
            throw new IllegalArgumentException("page_size must be 1.." + MAX_PAGE_SIZE);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
