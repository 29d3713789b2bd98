package org.metrolims.calibration.standard;

import java.util.List;

/** A filtered register as a table of text cells, for CSV and Excel export; the header row is the import format. */
public record RegistryTable(List<String> header, List<List<String>> rows) {

    public RegistryTable {
        header = List.copyOf(header);
        rows = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c).toList()).toList();
    }
}
