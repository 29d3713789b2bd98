package org.metrolims.calibration.standard;

import java.util.List;

/**
 * The outcome of a CSV import: either every row was imported ({@code rejections} empty) or none was, and
 * {@code rejections} says which row and field failed and why.
 */
public record ImportReport(int imported, List<RowRejection> rejections) {

    public ImportReport {
        rejections = List.copyOf(rejections);
    }

    public boolean accepted() {
        return rejections.isEmpty();
    }

    /**
     * @param row the row of the file as a spreadsheet numbers it: the header is row 1, the first data row row 2
     */
    public record RowRejection(int row, String field, String message) {
    }
}
