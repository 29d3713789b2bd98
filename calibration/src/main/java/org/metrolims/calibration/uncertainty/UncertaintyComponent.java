package org.metrolims.calibration.uncertainty;

/**
 * One input of an uncertainty budget: its standard uncertainty u(x_i), sensitivity coefficient
 * c_i = ∂f/∂x_i (JCGM 100:2008 5.1.3) and degrees of freedom ν_i (G.3, G.4.2). Build one with the
 * factories — {@link #typeA}, {@link #normal}, {@link #limits}, {@link #standard} — and adjust
 * with {@link #withSensitivity} and {@link #withDegreesOfFreedom}.
 *
 * <p>Degrees of freedom are {@link Double#POSITIVE_INFINITY} unless stated: a Type B evaluation
 * taken as exactly known (JCGM 100:2008 G.4.2, "ν_i → ∞"). A Type B ν may be derived from the
 * relative uncertainty of u with {@link #degreesOfFreedomFromRelativeUncertainty} (Eq. G.3).
 *
 * @param name unique within the budget
 * @param type how u was evaluated
 * @param distribution the assumed distribution of a Type B input, or null when u was given
 *     directly or evaluated Type A
 * @param standardUncertainty u(x_i) ≥ 0, in the unit of the input quantity
 * @param sensitivity c_i (finite; may be negative or zero)
 * @param degreesOfFreedom ν_i ≥ 1, or +∞
 * @param typeA the Type A evaluation behind u, or null for Type B
 */
public record UncertaintyComponent(String name, EvaluationType type, Distribution distribution,
        double standardUncertainty, double sensitivity, double degreesOfFreedom, TypeAEvaluation typeA) {

    public UncertaintyComponent {
        if (name == null || name.isBlank()) {
            throw new UncertaintyInputException("name", "a component needs a name");
        }
        if (type == null) {
            throw new UncertaintyInputException("type", "component '" + name + "' needs a type, A or B");
        }
        if (!(standardUncertainty >= 0) || Double.isInfinite(standardUncertainty)) {
            throw new UncertaintyInputException("standardUncertainty",
                    "component '" + name + "': a standard uncertainty must be a finite number >= 0, got " + standardUncertainty);
        }
        if (!Double.isFinite(sensitivity)) {
            throw new UncertaintyInputException("sensitivity", "component '" + name + "': the sensitivity must be finite");
        }
        if (!(degreesOfFreedom >= 1)) {
            throw new UncertaintyInputException("dof",
                    "component '" + name + "': degrees of freedom must be at least 1 (or infinite), got " + degreesOfFreedom);
        }
    }

    /** Type A from repeated readings: u = s/√n, ν = n − 1 (JCGM 100:2008 4.2). Fewer than 2 readings → error on {@code values}. */
    public static UncertaintyComponent typeA(String name, double... readings) {
        TypeAEvaluation a;
        try {
            a = TypeAEvaluation.of(readings);
        } catch (UncertaintyInputException e) {
            throw new UncertaintyInputException(e.input(), "component '" + name + "': " + e.getMessage());
        }
        return new UncertaintyComponent(name, EvaluationType.A, null, a.standardUncertainty(), 1.0,
                a.degreesOfFreedom(), a);
    }

    /** Type A from a pooled standard deviation s_p of ν_p degrees of freedom, n observations averaged (JCGM 100:2008 4.2.4). */
    public static UncertaintyComponent typeAPooled(String name, double pooledStandardDeviation, int count,
            double pooledDegreesOfFreedom) {
        TypeAEvaluation a = TypeAEvaluation.pooled(pooledStandardDeviation, count, pooledDegreesOfFreedom);
        return new UncertaintyComponent(name, EvaluationType.A, null, a.standardUncertainty(), 1.0,
                a.degreesOfFreedom(), a);
    }

    /**
     * Type B from an expanded uncertainty U stated with coverage factor k, normal distribution:
     * u = U/k (JCGM 100:2008 4.3.3).
     */
    public static UncertaintyComponent normal(String name, double expandedUncertainty, double coverageFactor) {
        if (!(expandedUncertainty >= 0) || Double.isInfinite(expandedUncertainty)) {
            throw new UncertaintyInputException("expandedUncertainty",
                    "component '" + name + "': an expanded uncertainty must be a finite number >= 0");
        }
        if (!(coverageFactor > 0) || Double.isInfinite(coverageFactor)) {
            throw new UncertaintyInputException("coverageFactor",
                    "component '" + name + "': a coverage factor must be a finite number > 0");
        }
        return new UncertaintyComponent(name, EvaluationType.B, Distribution.NORMAL, expandedUncertainty / coverageFactor,
                1.0, Double.POSITIVE_INFINITY, null);
    }

    /**
     * Type B from limits ±a with an assumed distribution: u = a/√3 rectangular (JCGM 100:2008
     * 4.3.7), a/√6 triangular (4.3.9), a/√2 U-shaped. A normal distribution has no limits: use {@link #normal}.
     */
    public static UncertaintyComponent limits(String name, Distribution distribution, double halfWidth) {
        if (!(halfWidth >= 0) || Double.isInfinite(halfWidth)) {
            throw new UncertaintyInputException("halfWidth", "component '" + name + "': a half-width must be a finite number >= 0");
        }
        if (distribution == null) {
            throw new UncertaintyInputException("distribution", "component '" + name + "': a half-width needs a distribution");
        }
        if (distribution == Distribution.NORMAL) {
            throw new UncertaintyInputException("distribution", "component '" + name + "': a normal distribution has no"
                    + " half-width; give its expanded uncertainty with the coverage factor, or its standard uncertainty");
        }
        return new UncertaintyComponent(name, EvaluationType.B, distribution, halfWidth / distribution.divisor(), 1.0,
                Double.POSITIVE_INFINITY, null);
    }

    /** Type B with the standard uncertainty given directly. */
    public static UncertaintyComponent standard(String name, double standardUncertainty) {
        return new UncertaintyComponent(name, EvaluationType.B, null, standardUncertainty, 1.0,
                Double.POSITIVE_INFINITY, null);
    }

    /** This component with sensitivity coefficient c_i = ∂f/∂x_i (JCGM 100:2008 5.1.3). */
    public UncertaintyComponent withSensitivity(double c) {
        return new UncertaintyComponent(name, type, distribution, standardUncertainty, c, degreesOfFreedom, typeA);
    }

    /** This component with ν_i degrees of freedom (+∞ for an exactly known u). */
    public UncertaintyComponent withDegreesOfFreedom(double nu) {
        return new UncertaintyComponent(name, type, distribution, standardUncertainty, sensitivity, nu, typeA);
    }

    /** The magnitude of this component's contribution to u_c: |c_i|·u(x_i) = |u_i(y)| (JCGM 100:2008 5.1.3, Eq. 11b). */
    public double contribution() {
        return Math.abs(sensitivity) * standardUncertainty;
    }

    /**
     * ν_i ≈ ½ [Δu(x_i)/u(x_i)]⁻² (JCGM 100:2008 G.4.2, Eq. G.3), from the relative uncertainty of
     * a Type B standard uncertainty: 0.25 gives 8, 0.10 gives 50, 0.50 gives 2.
     */
    public static double degreesOfFreedomFromRelativeUncertainty(double relativeUncertaintyOfU) {
        if (!(relativeUncertaintyOfU > 0) || Double.isInfinite(relativeUncertaintyOfU)) {
            throw new UncertaintyInputException("dof", "the relative uncertainty of u must be a finite number > 0");
        }
        return 0.5 / (relativeUncertaintyOfU * relativeUncertaintyOfU);
    }
}
