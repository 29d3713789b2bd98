package org.metrolims.app.api;

import java.util.List;
import org.metrolims.db.Page;

/** A page of a list as the REST API returns it. */
public record ApiPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> ApiPage<T> of(Page<T> page) {
        return new ApiPage<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
    }
}
