package org.metrolims.calibration.record;

import java.util.List;

/**
 * The outcome of a bulk ingest of calibration drafts: either every record was stored ({@code ids}, in input order,
 * and {@code rejections} empty) or none was, and {@code rejections} lists every refused record with the field and
 * the reason.
 */
public record IngestReport(List<Long> ids, List<Rejection> rejections) {

    public IngestReport {
        ids = List.copyOf(ids);
        rejections = List.copyOf(rejections);
        if (!ids.isEmpty() && !rejections.isEmpty()) {
            throw new IllegalArgumentException("a chunk is stored whole or not at all");
        }
    }

    public boolean accepted() {
        return rejections.isEmpty();
    }

    /**
     * A refused record.
     *
     * @param index the record's position in the ingested list, from 0
     * @param field the field at fault within the record, e.g. {@code points[1].toleranceUnit}
     */
    public record Rejection(int index, String field, String message) {
    }
}
