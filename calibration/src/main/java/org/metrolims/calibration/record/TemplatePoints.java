package org.metrolims.calibration.record;

import java.util.ArrayList;
import java.util.List;
import javax.measure.Unit;
import org.metrolims.calibration.decision.DecisionRule;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.uncertainty.CoverageFactor;

/**
 * The points of a procedure template, checked by the very rules a calibration's points are evaluated with (units of
 * the quantity's dimension, tolerances, the decision rule a tolerance needs, the Type B budget's inputs): a template
 * that passes pre-fills a form that the server will accept once readings are typed. A template point has no readings
 * yet; it is checked as if its readings all hit the nominal value. Every refusal is a
 * {@link CalibrationInputException} naming the field as {@code points[i].…} (or {@code decisionRule…}).
 */
public final class TemplatePoints {

    private TemplatePoints() {
    }

    /**
     * Checks the points and returns them with their text fields stripped and without readings.
     *
     * @param quantitySiUnit the SI unit of the instrument type's quantity (the dimension every unit must have)
     */
    public static List<PointInput> check(List<PointInput> points, String quantitySiUnit, DecisionRuleCode rule,
            Double multiplier) {
        if (points == null || points.isEmpty()) {
            throw new CalibrationInputException("points", "a procedure has at least one test point");
        }
        if (points.size() > CalibrationRecords.MAX_POINTS) {
            throw new CalibrationInputException("points", "at most " + CalibrationRecords.MAX_POINTS
                    + " points, got " + points.size());
        }
        Unit<?> quantityUnit = Units.parse(quantitySiUnit, "instrumentTypeId");
        DecisionRule decisionRule = CalibrationRecords.rule(rule, multiplier);
        List<PointInput> checked = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            PointInput p = points.get(i);
            if (p == null) {
                throw new CalibrationInputException("points[" + i + "]", "a point is required");
            }
            PointInput asRead = new PointInput(p.nominal(), p.unit(), List.of(p.nominal(), p.nominal()), p.tolerance(),
                    p.toleranceUnit(), p.components(), p.correlations());
            PointEvaluation.evaluate(i, asRead, quantityUnit, decisionRule, CoverageFactor.DEFAULT_PROBABILITY);
            checked.add(new PointInput(p.nominal(), p.unit().strip(), null, p.tolerance(),
                    blank(p.toleranceUnit()) ? null : p.toleranceUnit().strip(),
                    p.components().stream().map(c -> new ComponentInput(c.name().strip(), c.distribution(),
                            c.standardUncertainty(), c.halfWidth(), c.expandedUncertainty(), c.coverageFactor(),
                            c.sensitivity(), c.dof())).toList(),
                    p.correlations()));
        }
        return checked;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
