package org.metrolims.calibration.record;

import java.util.List;

/**
 * What a record refers to, by name, for its page: the instrument, the customer and performing laboratory, the
 * technician and the reviewer, the reference standards; and the reviewer's finding when it was returned.
 */
record RecordNames(String instrumentLabel, String customerNameZh, String customerNameEn,
        String performerNameZh, String performerNameEn, String technicianName, String reviewerName,
        List<StandardName> standards, WorkItem.Finding finding) {

    public RecordNames {
        standards = List.copyOf(standards);
    }

    public record StandardName(long id, String code, String nameZh, String nameEn) {
    }
}
