package org.metrolims.proficiency.statistics;

/**
 * The standard deviation for proficiency assessment, sigma_pt, ISO 13528:2022 clause 8.
 *
 * @param value  sigma_pt, in the unit of the results (greater than zero)
 * @param source where it came from
 */
public record SigmaPt(double value, Source source) {

    /** Where sigma_pt came from. */
    public enum Source {
        /** Fixed by the scheme: by expert perception or from previous rounds, ISO 13528:2022 8.2 and 8.3. */
        FIXED,
        /** The robust standard deviation s* of this round's results, ISO 13528:2022 8.6. */
        ROBUST_STANDARD_DEVIATION,
        /** The Horwitz function with Thompson's modification, ISO 13528:2022 8.4. */
        HORWITZ
    }

    /** Below this mass fraction sigma = 0.22 c (Thompson 2000). */
    static final double HORWITZ_LOWER_LIMIT = 1.2e-7;

    /** Above this mass fraction sigma = 0.01 c^0.5 (Thompson 2000). */
    static final double HORWITZ_UPPER_LIMIT = 0.138;

    public SigmaPt {
        if (source == null) {
            throw new InvalidResultException("the source of sigma_pt is missing");
        }
        Inputs.requirePositive(value, "sigma_pt");
    }

    /** sigma_pt fixed by the scheme, ISO 13528:2022 8.2 and 8.3. */
    public static SigmaPt fixed(double value) {
        return new SigmaPt(value, Source.FIXED);
    }

    /**
     * sigma_pt = s* of this round, ISO 13528:2022 8.6.
     *
     * @throws InvalidResultException when s* is zero (degenerate data)
     */
    public static SigmaPt fromRobustStandardDeviation(AlgorithmAResult robust) {
        if (robust.degenerate()) {
            throw new InvalidResultException("Algorithm A gave s* = 0 (the results are (nearly) all equal to "
                    + robust.robustMean() + "): it cannot serve as sigma_pt; fix sigma_pt for the scheme instead");
        }
        return new SigmaPt(robust.robustStandardDeviation(), Source.ROBUST_STANDARD_DEVIATION);
    }

    /**
     * sigma_pt from the Horwitz function as modified by Thompson, for a concentration given as a mass fraction
     * (1 mg/kg = 1e-6). The result is a mass fraction too. ISO 13528:2022 8.4 Formula (8); Thompson, Analyst 125
     * (2000) 385-386; Horwitz, Anal. Chem. 54 (1982) 67A.
     */
    public static SigmaPt horwitz(double massFraction) {
        return new SigmaPt(horwitzThompson(massFraction), Source.HORWITZ);
    }

    /**
     * The Horwitz-Thompson function: 0.22 c for c below 1.2e-7, 0.02 c^0.8495 up to 0.138, 0.01 c^0.5 above.
     * ISO 13528:2022 8.4 Formula (8).
     *
     * @throws InvalidResultException when c is not a mass fraction in (0, 1]
     */
    public static double horwitzThompson(double massFraction) {
        if (!(massFraction > 0 && massFraction <= 1)) {
            throw new InvalidResultException("mass fraction for the Horwitz function is " + massFraction
                    + ": must be in (0, 1] (1 mg/kg = 1e-6)");
        }
        if (massFraction < HORWITZ_LOWER_LIMIT) {
            return 0.22 * massFraction;
        }
        if (massFraction <= HORWITZ_UPPER_LIMIT) {
            return 0.02 * Math.pow(massFraction, 0.8495);
        }
        return 0.01 * Math.sqrt(massFraction);
    }
}
