package org.metrolims.proficiency.scoring;

import java.util.List;
import org.metrolims.proficiency.statistics.AlgorithmA;
import org.metrolims.proficiency.statistics.AlgorithmAResult;
import org.metrolims.proficiency.statistics.AssignedValue;
import org.metrolims.proficiency.statistics.LabResult;
import org.metrolims.proficiency.statistics.ProficiencyScoring;
import org.metrolims.proficiency.statistics.RobustStatistics;
import org.metrolims.proficiency.statistics.SigmaPt;

/**
 * Scores one set of results: the robust summary (median, MADe, nIQR and, from three results, Algorithm A), x_pt and
 * u(x_pt), sigma_pt, and every lab's z, z', zeta and E_n with the classification by z, or by z' where u(x_pt) is not
 * below 0.3 sigma_pt (ISO 13528:2022 9.2.1). Pure: used both for stored rounds and for the stateless scorer.
 *
 * <p>Bad input raises the statistics package's {@link IllegalArgumentException} subtypes (non-finite value, duplicate
 * lab code, too few results for Algorithm A, s* = 0 where it would serve as u(x_pt) or sigma_pt).
 */
public final class ScoreCalculator {

    /** Coverage factor taken for U(x_pt) of an independent assigned value given with its standard uncertainty. */
    public static final double ASSIGNED_VALUE_COVERAGE_FACTOR = 2;

    /** Coverage factor taken for U(x) of a lab that reported only its standard uncertainty u(x). */
    public static final double LAB_COVERAGE_FACTOR = 2;

    private ScoreCalculator() {
    }

    /**
     * A lab's result for scoring. E_n needs U(x): the lab's expanded uncertainty when it gave one, else
     * {@value #LAB_COVERAGE_FACTOR} u(x); with no uncertainty at all there is no zeta and no E_n.
     */
    public static LabResult labResult(String lab, double value, Double standardUncertainty,
            Double expandedUncertainty) {
        Double bigU = expandedUncertainty != null ? expandedUncertainty
                : standardUncertainty == null ? null : LAB_COVERAGE_FACTOR * standardUncertainty;
        return new LabResult(lab, value, standardUncertainty, bigU);
    }

    public static Calculation calculate(List<LabResult> results, AssignedValueSpec assigned, SigmaPtSpec sigma) {
        double[] values = new double[results.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = results.get(i).value();
        }
        double median = RobustStatistics.median(values);
        double madE = RobustStatistics.scaledMedianAbsoluteDeviation(values);
        double nIqr = RobustStatistics.normalizedInterquartileRange(values);
        boolean needsAlgorithmA = assigned instanceof AssignedValueSpec.Consensus
                || sigma instanceof SigmaPtSpec.Robust;
        AlgorithmAResult robust = needsAlgorithmA || values.length >= AlgorithmA.MIN_RESULTS
                ? AlgorithmA.compute(values) : null;
        AssignedValue xpt = switch (assigned) {
            case AssignedValueSpec.Consensus c -> AssignedValue.consensus(robust);
            case AssignedValueSpec.Independent i -> new AssignedValue(i.value(), i.standardUncertainty(),
                    ASSIGNED_VALUE_COVERAGE_FACTOR, i.method(), 0, 0);
        };
        SigmaPt sigmaPt = switch (sigma) {
            case SigmaPtSpec.Fixed f -> SigmaPt.fixed(f.value());
            case SigmaPtSpec.Robust r -> SigmaPt.fromRobustStandardDeviation(robust);
            case SigmaPtSpec.Horwitz h -> new SigmaPt(
                    SigmaPt.horwitzThompson(xpt.value() * h.massFractionPerUnit()) / h.massFractionPerUnit(),
                    SigmaPt.Source.HORWITZ);
        };
        return new Calculation(robust == null ? null : robust.robustMean(),
                robust == null ? null : robust.robustStandardDeviation(), robust == null ? null : robust.iterations(),
                median, madE, nIqr, ProficiencyScoring.score(results, xpt, sigmaPt));
    }
}
