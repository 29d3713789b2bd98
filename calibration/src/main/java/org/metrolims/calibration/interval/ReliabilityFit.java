package org.metrolims.calibration.interval;

/**
 * A maximum-likelihood fit of R(t) = exp(−(t/η)^β) (β = 1 for the exponential model) and the interval
 * t* at which R(t*) = R*, with its confidence bounds at the stated level (0 and +∞ when the data
 * cannot bound it).
 */
public record ReliabilityFit(ReliabilityModel model, double scale, double shape, double logLikelihood,
        double reliabilityTarget, double recommendedInterval, double lowerInterval, double upperInterval,
        double confidence) {

    /** R(t) of the fitted model. */
    public double reliabilityAt(double t) {
        return Math.exp(-Math.pow(t / scale, shape));
    }

    /** Akaike's information criterion 2k − 2 ln L, to compare the two models on the same data. */
    public double aic() {
        return 2.0 * model.parameters() - 2.0 * logLikelihood;
    }

    /** t* = η (−ln R*)^(1/β). */
    static double intervalFor(double scale, double shape, double target) {
        return scale * Math.pow(-Math.log(target), 1.0 / shape);
    }
}
