package org.metrolims.proficiency.statistics;

/** The score a lab's result is classified by. */
public enum ScoreType {
    /** z = (x - x_pt) / sigma_pt, ISO 13528:2022 9.4.1 Formula (14). */
    Z,
    /** z' = (x - x_pt) / sqrt(sigma_pt^2 + u(x_pt)^2), ISO 13528:2022 9.5.1 Formula (15). */
    Z_PRIME
}
