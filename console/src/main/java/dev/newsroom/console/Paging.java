package dev.newsroom.console;

import java.util.List;

/**
 * One page of a long list (10,000 dead letters, every article of a week): the rows to render and where the
 * neighbouring pages start. Pages are numbered from 1; a page past the end shows the last one. Its methods are
 * public because the templates call them.
 */
record Paging<T>(List<T> rows, int page, int pages, int size, int total) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    static <T> Paging<T> of(List<T> all, int page, int size) {
        int perPage = Math.max(1, Math.min(MAX_SIZE, size));
        int pages = Math.max(1, (all.size() + perPage - 1) / perPage);
        int current = Math.max(1, Math.min(page, pages));
        int from = (current - 1) * perPage;
        return new Paging<>(all.subList(from, Math.min(all.size(), from + perPage)), current, pages, perPage,
                all.size());
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    /** 1-based position of the first row shown, 0 when there is none. */
    public int first() {
        return total == 0 ? 0 : (page - 1) * size + 1;
    }

    public int last() {
        return (page - 1) * size + rows.size();
    }
}
