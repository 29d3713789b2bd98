package org.metrolims.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metrolims.db.PageRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The state of one data table, read from the query string and written back into every link the table draws: the page,
 * the sort key and its direction, the search text and the list's own filters. Links to another page or sort keep every
 * other parameter, so a search with filters survives paging and sorting, and a URL can be bookmarked or sent.
 *
 * <p>The sort key is whitelisted: a key the list does not offer reads as the list's default order, never as a failure
 * and never as text on its way to SQL (the controller maps the key to its repository's sort enumeration). A page
 * beyond the end reads as an empty page, drawn as the table's empty state.
 *
 * <p>Templates draw it with the {@code fragments/table} fragments: {@code search}, {@code sort}, {@code pager}.
 *
 * @param path       the list's path, without query string
 * @param page       zero-based page
 * @param size       rows per page
 * @param sort       the sort key, one of {@code sortKeys}
 * @param descending the sort direction
 * @param q          the search text, stripped; empty when none
 * @param filters    the list's other parameters (filters) as given, in order, without page/sort/dir/q
 * @param sortKeys   the keys this list sorts by
 */
public record TableQuery(String path, int page, int size, String sort, boolean descending, String q,
        Map<String, String> filters, List<String> sortKeys) {

    public static final String PAGE = "page";
    public static final String SORT = "sort";
    public static final String DIR = "dir";
    public static final String Q = "q";

    public TableQuery {
        filters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters));
        sortKeys = List.copyOf(sortKeys);
    }

    /**
     * Reads the table's state from the request.
     *
     * @param sortKeys       the sort keys the list offers; the first is the default
     * @param defaultDescending the direction of the default order (and of a key given without {@code dir})
     * @param filterNames    the names of the list's filter parameters, kept in its links
     */
    public static TableQuery of(HttpServletRequest request, List<String> sortKeys, boolean defaultDescending,
            String... filterNames) {
        String requested = request.getParameter(SORT);
        boolean known = requested != null && sortKeys.contains(requested);
        String sort = known ? requested : sortKeys.get(0);
        String dir = request.getParameter(DIR);
        boolean descending = known && dir != null ? "desc".equals(dir) : defaultDescending;
        String q = request.getParameter(Q) == null ? "" : request.getParameter(Q).strip();
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : filterNames) {
            String value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        }
        return new TableQuery(request.getRequestURI().substring(request.getContextPath().length()),
                number(request.getParameter(PAGE)), PageRequest.DEFAULT_SIZE, sort, descending, q, filters, sortKeys);
    }

    private static int number(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return 0; // a link's page number that is not a number reads the first page
        }
    }

    /** The page to read: one beyond any list reads as an empty page. */
    public PageRequest pageRequest() {
        return PageRequest.clamped(page, size);
    }

    /** The search text, or null when none (what the repositories' filters take). */
    public String text() {
        return q.isEmpty() ? null : q;
    }

    /** A filter's value, or null. */
    public String filter(String name) {
        return filters.get(name);
    }

    /** Whether the search or a filter narrows the list (the empty state then says "nothing matches"). */
    public boolean narrowed() {
        return !q.isEmpty() || !filters.isEmpty();
    }

    /** The link to another page, keeping the search, filters and sort. */
    public String pageUrl(int toPage) {
        return url(toPage, sort, descending);
    }

    /** The link that sorts by this key: ascending first, the other direction when it already sorts by it. */
    public String sortUrl(String key) {
        if (!sortKeys.contains(key)) {
            throw new IllegalArgumentException("not a sort key of this table: " + key);
        }
        return url(0, key, key.equals(sort) ? !descending : false);
    }

    /** {@code ascending}, {@code descending} or {@code none}, for the header's aria-sort. */
    public String ariaSort(String key) {
        return !key.equals(sort) ? "none" : descending ? "descending" : "ascending";
    }

    /** The link to this list with the same search and filters, for an export or a reset of the paging. */
    public String url() {
        return url(page, sort, descending);
    }

    /** Links elsewhere (an export) with the same search and filters, without paging or sort. */
    public String withFiltersAt(String otherPath) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(otherPath);
        if (!q.isEmpty()) {
            b.queryParam(Q, q);
        }
        filters.forEach(b::queryParam);
        return b.encode().build().toUriString();
    }

    /**
     * The link to this table's export ({@code csv} or {@code xlsx}) at {@code path/export.ext}, with the same search,
     * filters and sort, so that the file holds the rows the table shows, in its order (all pages, not one).
     */
    public String exportUrl(String extension) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path + "/export." + extension);
        if (!q.isEmpty()) {
            b.queryParam(Q, q);
        }
        filters.forEach(b::queryParam);
        b.queryParam(SORT, sort).queryParam(DIR, descending ? "desc" : "asc");
        return b.encode().build().toUriString();
    }

    private String url(int toPage, String bySort, boolean desc) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        if (!q.isEmpty()) {
            b.queryParam(Q, q);
        }
        filters.forEach(b::queryParam);
        b.queryParam(SORT, bySort).queryParam(DIR, desc ? "desc" : "asc");
        if (toPage > 0) {
            b.queryParam(PAGE, toPage);
        }
        return b.encode().build().toUriString();
    }
}
