package org.metrolims.calibration.traceability.scheme;

/** Where a standard stands in its quantity's verification scheme. */
public enum SchemeVerdict {
    /** its uncertainty falls in the band of the level it claims (or the level it is placed at), and every reference
     *  of the same scheme sits at a higher level */
    OK,
    /** its uncertainty belongs to another level than the one it claims, or to no level of the scheme */
    MISPLACED,
    /** a reference standard of the same scheme sits at the same level or lower */
    REFERENCE_NOT_HIGHER,
    /** no scheme for its quantity, or nothing to place it by (no uncertainty, no class, an unconvertible unit) */
    NO_SCHEME
}
