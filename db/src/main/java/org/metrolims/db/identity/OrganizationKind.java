package org.metrolims.db.identity;

public enum OrganizationKind {
    /** The market-supervision bureau: schedules PT, watches coverage. */
    AUTHORITY,
    /** A legal metrology institute (provincial, city or county). */
    INSTITUTE,
    /** A testing or calibration lab accredited under ISO/IEC 17025. */
    ACCREDITED_LAB,
    ENTERPRISE
}
