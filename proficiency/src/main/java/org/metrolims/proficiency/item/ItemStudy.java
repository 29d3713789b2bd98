package org.metrolims.proficiency.item;

/** Which study item measurements belong to (pt_item_measurement.study), ISO 13528:2022 Annex B. */
public enum ItemStudy {
    /** Duplicate measurements on g items (B.2, B.3). */
    HOMOGENEITY,
    /** Measurements before the round, the first set of the stability check (B.5); the homogeneity data if absent. */
    STABILITY_BEFORE,
    /** Measurements after the round, the second set of the stability check (B.5). */
    STABILITY_AFTER
}
