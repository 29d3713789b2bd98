package org.metrolims.proficiency.scheme;

/** How a scheme sets sigma_pt, ISO 13528:2022 clause 8 (pt_scheme.sigma_pt_method). */
public enum SigmaPtMethod {
    /** A value fixed by the scheme (8.2, 8.3). */
    FIXED,
    /** The robust standard deviation s* of the round's results (8.6). */
    ROBUST_SD,
    /** The Horwitz function with Thompson's modification (8.4); the scheme's unit must be a mass fraction. */
    HORWITZ
}
