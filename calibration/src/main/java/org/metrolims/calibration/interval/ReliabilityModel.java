package org.metrolims.calibration.interval;

/** The end-of-period reliability models of NCSLI RP-1 Appendix D fitted by {@link ReliabilityFits}. */
public enum ReliabilityModel {
    /** R(t) = exp(−t/η): a constant out-of-tolerance rate 1/η (RP-1 D, "exponential model"). */
    EXPONENTIAL(1),
    /** R(t) = exp(−(t/η)^β): wear-out (β &gt; 1) or burn-in (β &lt; 1) (RP-1 D, "Weibull model"). */
    WEIBULL(2);

    private final int parameters;

    ReliabilityModel(int parameters) {
        this.parameters = parameters;
    }

    /** The number of free parameters (for the AIC). */
    public int parameters() {
        return parameters;
    }
}
