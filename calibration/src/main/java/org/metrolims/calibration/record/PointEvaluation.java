package org.metrolims.calibration.record;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.measure.Unit;
import org.metrolims.calibration.decision.Decision;
import org.metrolims.calibration.decision.DecisionRule;
import org.metrolims.calibration.decision.ToleranceInterval;
import org.metrolims.calibration.uncertainty.BudgetLine;
import org.metrolims.calibration.uncertainty.Distribution;
import org.metrolims.calibration.uncertainty.EvaluatedUncertainty;
import org.metrolims.calibration.uncertainty.ReportedResult;
import org.metrolims.calibration.uncertainty.Correlation;
import org.metrolims.calibration.uncertainty.TypeAEvaluation;
import org.metrolims.calibration.uncertainty.UncertaintyBudget;
import org.metrolims.calibration.uncertainty.UncertaintyComponent;
import org.metrolims.calibration.uncertainty.UncertaintyInputException;

/**
 * Evaluates one entered point into what is stored: pure, no database.
 * <ol>
 *   <li>the unit must be a known JSR 385 unit of the instrument quantity's dimension;
 *   <li>the readings (n ≥ 2) give the mean, s and the Type A component "repeatability" u = s/√n, ν = n − 1
 *       (JCGM 100:2008 4.2); error = mean − nominal, correction = −error;
 *   <li>the Type B components join it in a {@link UncertaintyBudget} at the calibration's coverage probability:
 *       u_c, ν_eff, k, and U reported to two significant digits (7.2.6) — the U stored and printed;
 *   <li>with a tolerance (± MPE around the nominal, in a unit of the same dimension, converted to the point's unit)
 *       the rule decides on the mean with the reported U and k (ILAC G8, JCGM 106) and the decision is kept whole.
 * </ol>
 * Every refusal is a {@link CalibrationInputException} naming the field as {@code points[i].…}.
 */
final class PointEvaluation {

    static final String TYPE_A_NAME = "repeatability";
    /** The longest component name {@code uncertainty_component.name} keeps (VARCHAR(100)). */
    static final int MAX_COMPONENT_NAME = 100;

    /** Most repeated readings one point takes (a real point has a handful; an automated run a few hundred). */
    static final int MAX_READINGS = TypeAEvaluation.MAX_VALUES;

    /**
     * The largest magnitude of a number entered for a point (nominal, readings, tolerance, the budget's inputs and
     * sensitivities), in the point's unit: far beyond any measurement, and small enough that what is derived from it
     * (means, errors, U, acceptance limits) fits the stored columns (38 digits, 12 after the point).
     */
    static final double MAX_MAGNITUDE = 1e15;

    /** Most components of one point's budget besides the Type A one (the maths caps a budget at 200 in all). */
    static final int MAX_COMPONENTS = UncertaintyBudget.MAX_COMPONENTS - 1;

    /** The coverage factor a component's expanded uncertainty may state (stored with 3 decimals below 1000). */
    private static final double MAX_COVERAGE_FACTOR = 100;

    /** Degrees of freedom a component may state; more is as good as infinitely many (stored below 10¹³). */
    private static final double MAX_DOF = 1e9;

    private PointEvaluation() {
    }

    static MeasuredPoint evaluate(int index, PointInput p, Unit<?> quantityUnit, DecisionRule rule,
            double coverageProbability) {
        String at = "points[" + index + "]";
        if (!Double.isFinite(p.nominal())) {
            throw new CalibrationInputException(at + ".nominal", "the nominal value must be a finite number");
        }
        requireMagnitude(p.nominal(), at + ".nominal");
        if (p.components().size() > MAX_COMPONENTS) {
            throw new CalibrationInputException(at + ".components", "a point's budget has at most " + MAX_COMPONENTS
                    + " components besides the readings' Type A, got " + p.components().size());
        }
        if (p.correlations().size() > UncertaintyBudget.MAX_CORRELATIONS) {
            throw new CalibrationInputException(at + ".correlations", "a point's budget has at most "
                    + UncertaintyBudget.MAX_CORRELATIONS + " correlations, got " + p.correlations().size());
        }
        Unit<?> unit = Units.parse(p.unit(), at + ".unit");
        Units.requireDimension(unit, quantityUnit, p.unit(), at + ".unit");
        double[] readings = readings(p, at);

        List<UncertaintyComponent> components = new ArrayList<>();
        UncertaintyComponent typeA;
        try {
            typeA = UncertaintyComponent.typeA(TYPE_A_NAME, readings);
        } catch (UncertaintyInputException e) {
            throw new CalibrationInputException(at + ".readings", e.getMessage());
        }
        components.add(typeA);
        Set<String> names = new HashSet<>(Set.of(TYPE_A_NAME));
        for (int j = 0; j < p.components().size(); j++) {
            ComponentInput c = p.components().get(j);
            String cat = at + ".components[" + j + "]";
            if (c == null) {
                throw new CalibrationInputException(cat, "a component is required");
            }
            if (c.name() != null && c.name().strip().length() > MAX_COMPONENT_NAME) {
                throw new CalibrationInputException(cat + ".name", "at most " + MAX_COMPONENT_NAME + " characters");
            }
            if (c.name() != null && !names.add(c.name().strip())) {
                throw new CalibrationInputException(cat + ".name", "the name '" + c.name()
                        + "' is already used in this point's budget ('" + TYPE_A_NAME + "' is the readings' Type A)");
            }
            requireMagnitude(c.standardUncertainty(), cat + ".standardUncertainty");
            requireMagnitude(c.halfWidth(), cat + ".halfWidth");
            requireMagnitude(c.expandedUncertainty(), cat + ".expandedUncertainty");
            requireMagnitude(c.sensitivity(), cat + ".sensitivity");
            if (c.coverageFactor() != null && !(c.coverageFactor() <= MAX_COVERAGE_FACTOR)) {
                throw new CalibrationInputException(cat + ".coverageFactor",
                        "a coverage factor is at most " + (int) MAX_COVERAGE_FACTOR + ", got " + c.coverageFactor());
            }
            if (c.dof() != null && Double.isFinite(c.dof()) && c.dof() > MAX_DOF) {
                throw new CalibrationInputException(cat + ".dof", "give degrees of freedom up to " + (long) MAX_DOF
                        + " (or none for infinitely many), got " + c.dof());
            }
            try {
                components.add(typeB(c, cat));
            } catch (UncertaintyInputException e) {
                throw new CalibrationInputException(cat + "." + e.input(), e.getMessage());
            }
        }
        List<Correlation> correlations = correlations(p, names, at);
        EvaluatedUncertainty evaluated;
        try {
            evaluated = new UncertaintyBudget(components, correlations, coverageProbability).evaluate();
        } catch (UncertaintyInputException e) {
            // the budget names a correlation problem as correlations[k].r; anything else concerns the components
            throw new CalibrationInputException(e.input().startsWith("correlations") ? at + "." + e.input()
                    : at + ".components", e.getMessage());
        }
        double mean = typeA.typeA().mean();
        ReportedResult reported = evaluated.report(mean);
        double expanded = reported.expandedUncertainty().doubleValue();
        if (!(expanded > 0)) {
            throw new CalibrationInputException(at + ".components",
                    "the budget gives U = 0; a calibration point states a non-zero uncertainty");
        }
        double k = evaluated.coverageFactor();
        if (!(k < 1000)) {
            throw new CalibrationInputException(at + ".readings", "the budget gives k = " + k
                    + " for this coverage probability: too few degrees of freedom to state U (k must be below 1000)");
        }
        double error = mean - p.nominal();

        List<BudgetComponent> stored = new ArrayList<>();
        for (int i = 0; i < evaluated.lines().size(); i++) {
            BudgetLine line = evaluated.lines().get(i);
            ComponentInput entered = i == 0 ? null : p.components().get(i - 1);
            stored.add(new BudgetComponent(i + 1, line.name(), line.type().name(),
                    line.distribution() == null ? null : line.distribution().code(),
                    entered == null ? null : entered.halfWidth(),
                    entered == null ? null : entered.expandedUncertainty(),
                    entered == null ? null : entered.coverageFactor(),
                    line.standardUncertainty(), line.sensitivity(), finiteOrNull(line.degreesOfFreedom()),
                    line.contribution()));
        }

        Double tolerance = p.tolerance();
        String toleranceUnit = null;
        Decision decision = null;
        if (tolerance != null) {
            if (!(tolerance > 0) || tolerance.isInfinite()) {
                throw new CalibrationInputException(at + ".tolerance", "a tolerance (± MPE) must be a number > 0");
            }
            requireMagnitude(tolerance, at + ".tolerance");
            toleranceUnit = p.toleranceUnit() == null || p.toleranceUnit().isBlank() ? p.unit() : p.toleranceUnit();
            Unit<?> tu = Units.parse(toleranceUnit, at + ".toleranceUnit");
            Units.requireDimension(tu, quantityUnit, toleranceUnit, at + ".toleranceUnit");
            if (rule == null) {
                throw new CalibrationInputException("decisionRule",
                        "a point with a tolerance needs the decision rule its conformity is stated under");
            }
            double mpe = Units.convertDifference(tolerance, tu, unit);
            decision = rule.decide(mean, expanded, k, ToleranceInterval.symmetric(p.nominal(), mpe));
        }
        return new MeasuredPoint(index + 1, p.nominal(), p.unit().strip(), p.readings(), mean,
                typeA.typeA().standardDeviation(), error, -error, evaluated.combinedStandardUncertainty(),
                finiteOrNull(evaluated.effectiveDegreesOfFreedom()), expanded, k, coverageProbability, tolerance,
                toleranceUnit, decision == null ? null : decision.rule(),
                decision == null ? null : decision.multiplier(), decision == null ? null : decision.guardBand(),
                decision == null ? null : finiteOrNull(decision.acceptanceLower()),
                decision == null ? null : finiteOrNull(decision.acceptanceUpper()),
                decision == null ? null : decision.conformanceProbability(),
                decision == null ? null : decision.verdict(),
                decision == null ? Conformity.NOT_STATED : Conformity.of(decision.verdict()), stored, correlations);
    }

    /** The entered coefficients as the budget's, each naming two of the point's components. */
    private static List<Correlation> correlations(PointInput p, Set<String> names, String at) {
        List<Correlation> out = new ArrayList<>(p.correlations().size());
        for (int k = 0; k < p.correlations().size(); k++) {
            CorrelationInput c = p.correlations().get(k);
            String cat = at + ".correlations[" + k + "]";
            if (c == null) {
                throw new CalibrationInputException(cat, "a correlation is required");
            }
            String a = c.a() == null ? null : c.a().strip();
            String b = c.b() == null ? null : c.b().strip();
            if (a == null || !names.contains(a)) {
                throw new CalibrationInputException(cat + ".a", "name one of this point's components " + names);
            }
            if (b == null || !names.contains(b)) {
                throw new CalibrationInputException(cat + ".b", "name one of this point's components " + names);
            }
            if (c.r() == null) {
                throw new CalibrationInputException(cat + ".r", "a correlation coefficient is required");
            }
            try {
                out.add(new Correlation(a, b, c.r()));
            } catch (UncertaintyInputException e) {
                throw new CalibrationInputException(cat + "." + e.input(), e.getMessage());
            }
        }
        return out;
    }

    private static double[] readings(PointInput p, String at) {
        if (p.readings() == null || p.readings().size() < 2) {
            throw new CalibrationInputException(at + ".readings", "a point needs at least 2 repeated readings, got "
                    + (p.readings() == null ? 0 : p.readings().size()));
        }
        if (p.readings().size() > MAX_READINGS) {
            throw new CalibrationInputException(at + ".readings", "a point takes at most " + MAX_READINGS
                    + " readings, got " + p.readings().size());
        }
        double[] r = new double[p.readings().size()];
        for (int i = 0; i < r.length; i++) {
            Double v = p.readings().get(i);
            if (v == null || !Double.isFinite(v)) {
                throw new CalibrationInputException(at + ".readings[" + i + "]", "a reading must be a finite number");
            }
            requireMagnitude(v, at + ".readings[" + i + "]");
            r[i] = v;
        }
        return r;
    }

    private static UncertaintyComponent typeB(ComponentInput c, String at) {
        UncertaintyComponent u;
        if (c.expandedUncertainty() != null) {
            if (c.coverageFactor() == null) {
                throw new CalibrationInputException(at + ".coverageFactor",
                        "an expanded uncertainty needs its coverage factor");
            }
            u = UncertaintyComponent.normal(c.name(), c.expandedUncertainty(), c.coverageFactor());
        } else if (c.halfWidth() != null) {
            Distribution d = Distribution.ofCode(c.distribution() == null ? "rectangular" : c.distribution());
            u = UncertaintyComponent.limits(c.name(), d, c.halfWidth());
        } else if (c.standardUncertainty() != null) {
            u = UncertaintyComponent.standard(c.name(), c.standardUncertainty());
        } else {
            throw new CalibrationInputException(at, "give expandedUncertainty with coverageFactor, a halfWidth with"
                    + " a distribution, or a standardUncertainty");
        }
        if (c.sensitivity() != null) {
            u = u.withSensitivity(c.sensitivity());
        }
        if (c.dof() != null) {
            u = u.withDegreesOfFreedom(c.dof());
        }
        return u;
    }

    private static void requireMagnitude(Double v, String field) {
        if (v != null && Double.isFinite(v) && Math.abs(v) > MAX_MAGNITUDE) {
            throw new CalibrationInputException(field, "a number of magnitude at most " + MAX_MAGNITUDE
                    + " (in the point's unit), got " + v);
        }
    }

    /** Infinite (and values beyond what is stored, 10¹²) as null. */
    static Double finiteOrNull(double v) {
        return Double.isFinite(v) && Math.abs(v) < 1e12 ? v : null;
    }
}
