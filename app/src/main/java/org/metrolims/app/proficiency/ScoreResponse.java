package org.metrolims.app.proficiency;

import java.util.List;
import org.metrolims.proficiency.scoring.Calculation;
import org.metrolims.proficiency.statistics.LabScore;
import org.metrolims.proficiency.statistics.Performance;
import org.metrolims.proficiency.statistics.ScoreType;

/**
 * What {@code POST /api/pt/score} answers. robustMean, robustSd and iterations are null with fewer than three
 * results (possible only with a reference value and a fixed sigma_pt). {@code classifiedBy} says whether the
 * classification is of z or, where u(x_pt) is not below 0.3 sigma_pt (ISO 13528:2022 9.2.1), of z'.
 */
record ScoreResponse(double assignedValue, double assignedValueUncertainty, Double robustMean, Double robustSd,
        double median, double madE, double nIqr, double sigmaPt, Integer iterations,
        boolean uncertaintyNegligible, ScoreType classifiedBy, List<Score> scores) {

    /** One lab: zeta and en are null when the lab gave no u (E_n takes U = 2u and U(x_pt) = 2u(x_pt)). */
    record Score(String lab, double z, double zPrime, Double zeta, Double en, Performance classification) {

        static Score of(LabScore s) {
            return new Score(s.labCode(), s.z(), s.zPrime(), s.zeta(), s.en(), s.performance());
        }
    }

    static ScoreResponse of(Calculation c) {
        return new ScoreResponse(c.assignedValue(), c.assignedValueUncertainty(), c.robustMean(), c.robustSd(),
                c.median(), c.madE(), c.nIqr(), c.sigmaPt(), c.iterations(),
                c.scores().assignedValueUncertaintyNegligible(), c.scores().classifiedBy(),
                c.scores().scores().stream().map(Score::of).toList());
    }
}
