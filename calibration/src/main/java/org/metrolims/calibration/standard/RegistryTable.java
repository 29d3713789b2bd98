package org.metrolims.calibration.standard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;

/** A filtered register as a table of text cells, for CSV and Excel export; the header row is the import format. */
public record RegistryTable(List<String> header, List<List<String>> rows) {

    public RegistryTable {
        header = List.copyOf(header);
        rows = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c).toList()).toList();
    }

    /** Most rows one export holds: a register larger than this is to be exported filtered. */
    public static final int EXPORT_LIMIT = 20_000;

    /**
     * Reads a filtered register page by page (pages of {@link PageRequest#MAX_SIZE}) into a table, up to
     * {@link #EXPORT_LIMIT} rows.
     */
    public static <T> RegistryTable export(List<String> header, IntFunction<Page<T>> page,
            Function<? super T, List<String>> cells) {
        List<List<String>> rows = new ArrayList<>();
        for (int p = 0; rows.size() < EXPORT_LIMIT; p++) {
            Page<T> items = page.apply(p);
            items.items().forEach(item -> rows.add(cells.apply(item)));
            if (items.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        return new RegistryTable(header, rows);
    }
}
