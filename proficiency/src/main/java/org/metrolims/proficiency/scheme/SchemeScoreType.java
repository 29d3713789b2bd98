package org.metrolims.proficiency.scheme;

/** The score a scheme classifies labs by (pt_scheme.score_type). */
public enum SchemeScoreType {
    /** z, or z' where u(x_pt) is not negligible (ISO 13528:2022 9.2.1, 9.4, 9.5). */
    Z,
    /** zeta (9.6). */
    ZETA,
    /** E_n, for calibration PT (9.7). */
    EN
}
