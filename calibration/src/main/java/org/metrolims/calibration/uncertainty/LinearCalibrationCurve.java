package org.metrolims.calibration.uncertainty;

/**
 * A straight calibration curve b(t) = y₁ + y₂(t − t₀) fitted by unweighted least squares to
 * corrections b_k observed at n readings t_k, as in JCGM 100:2008 H.3 (calibration of a
 * thermometer): the estimates y₁ and y₂ (H.3.2, Eqs. H.13a–H.13b), the experimental standard
 * deviation of the fit s (H.13c, ν = n − 2), their standard uncertainties and correlation
 * coefficient (H.14a–H.14c), and the predicted correction with its standard uncertainty at any t
 * (H.15, the law of propagation with the correlation of y₁ and y₂, 5.2.2).
 *
 * @param referenceTemperature t₀, chosen by the user (H.3.1 takes 20 °C)
 * @param intercept y₁, the correction at t₀
 * @param slope y₂
 * @param residualStandardDeviation s of the n residuals
 * @param interceptUncertainty u(y₁)
 * @param slopeUncertainty u(y₂)
 * @param correlation r(y₁, y₂)
 * @param degreesOfFreedom n − 2
 */
record LinearCalibrationCurve(double referenceTemperature, double intercept, double slope,
        double residualStandardDeviation, double interceptUncertainty, double slopeUncertainty, double correlation,
        int degreesOfFreedom) {

    /** Fits the curve to pairs (t_k, b_k); at least three pairs and two different t are needed. */
    public static LinearCalibrationCurve fit(double referenceTemperature, double[] t, double[] b) {
        if (t == null || b == null || t.length != b.length) {
            throw new UncertaintyInputException("values", "a calibration curve needs as many corrections as readings");
        }
        int n = t.length;
        if (n < 3) {
            throw new UncertaintyInputException("values", "a straight line with a standard deviation needs at least 3"
                    + " points (ν = n − 2), got " + n);
        }
        double sumTheta = 0;
        double sumB = 0;
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(t[k]) || !Double.isFinite(b[k])) {
                throw new UncertaintyInputException("values", "point " + (k + 1) + " is not a pair of finite numbers");
            }
            sumTheta += t[k] - referenceTemperature;
            sumB += b[k];
        }
        // centred sums (rather than H.13's raw-sum form D = nΣθ² − (Σθ)²) keep digits when t₀ is far from the data
        double meanTheta = sumTheta / n;
        double meanB = sumB / n;
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < n; k++) {
            double dx = t[k] - referenceTemperature - meanTheta;
            sxx += dx * dx;
            sxy += dx * (b[k] - meanB);
        }
        if (sxx == 0) {
            throw new UncertaintyInputException("values", "all readings are at the same point; no slope can be fitted");
        }
        double slope = sxy / sxx;
        double intercept = meanB - slope * meanTheta;
        double squares = 0;
        for (int k = 0; k < n; k++) {
            double residual = b[k] - intercept - slope * (t[k] - referenceTemperature);
            squares += residual * residual;
        }
        double s2 = squares / (n - 2);
        // H.14: s²(y₂) = s²/Σ(θ−θ̄)², s²(y₁) = s²(1/n + θ̄²/Σ(θ−θ̄)²), s(y₁,y₂) = −θ̄ s²/Σ(θ−θ̄)²
        double uSlope = Math.sqrt(s2 / sxx);
        double uIntercept = Math.sqrt(s2 * (1.0 / n + meanTheta * meanTheta / sxx));
        double r = uSlope == 0 || uIntercept == 0 ? 0 : -meanTheta * s2 / sxx / (uIntercept * uSlope);
        return new LinearCalibrationCurve(referenceTemperature, intercept, slope, Math.sqrt(s2), uIntercept, uSlope, r,
                n - 2);
    }

    /** The predicted correction b(t) = y₁ + y₂(t − t₀) (H.12). */
    public double correctionAt(double t) {
        return intercept + slope * (t - referenceTemperature);
    }

    /**
     * The standard uncertainty of the predicted correction, u²[b(t)] = u²(y₁) + (t − t₀)²u²(y₂)
     * + 2(t − t₀)u(y₁)u(y₂)r(y₁, y₂) (H.16a).
     */
    public double standardUncertaintyAt(double t) {
        double theta = t - referenceTemperature;
        double variance = interceptUncertainty * interceptUncertainty + theta * theta * slopeUncertainty * slopeUncertainty
                + 2 * theta * interceptUncertainty * slopeUncertainty * correlation;
        return Math.sqrt(Math.max(0.0, variance));
    }

    /**
     * The coverage factor for the predicted correction at probability p: t_p(n − 2), the fit's own
     * degrees of freedom (H.3.6). Welch–Satterthwaite does not apply here: y₁ and y₂ are strongly
     * correlated estimates from the same n − 2 degrees of freedom.
     */
    public double coverageFactor(double coverageProbability) {
        return CoverageFactor.t(coverageProbability, degreesOfFreedom);
    }
}
