package org.metrolims.reports.pt;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SigmaPtMethod;
import org.metrolims.proficiency.statistics.HomogeneityVerdict;
import org.metrolims.proficiency.statistics.Performance;
import org.metrolims.proficiency.statistics.StabilityVerdict;

/**
 * Everything the final report of a scored PT round prints (ISO/IEC 17043:2023 7.4.3, ISO 13528:2022 clause 10):
 * the scheme and round, how x_pt and sigma_pt were set, the item checks, and every participant's result and scores
 * by lab code only. No lab names: the report goes to every participant.
 *
 * @param providerNameZh the PT provider issuing the report
 * @param robustMean     x* of Algorithm A, null with fewer than three results
 * @param robustSd       s* of Algorithm A, null with fewer than three results
 * @param homogeneity    null when no homogeneity data were recorded
 * @param stability      null when no stability data were recorded
 * @param rows           one per lab that reported, in lab-code order
 */
record PtRoundReport(String providerNameZh, String providerNameEn, String schemeCode, String schemeNameZh,
        String schemeNameEn, String roundCode, String measurandZh, String measurandEn, String unit,
        LocalDate issuedOn, AssignedValueMethod assignedValueMethod, double assignedValue,
        double assignedValueUncertainty, SigmaPtMethod sigmaPtMethod, double sigmaPt, SchemeScoreType scoreType,
        Double robustMean, Double robustSd, HomogeneityVerdict homogeneity, StabilityVerdict stability,
        List<Row> rows) {

    public PtRoundReport {
        Objects.requireNonNull(roundCode, "roundCode");
        Objects.requireNonNull(assignedValueMethod, "assignedValueMethod");
        Objects.requireNonNull(sigmaPtMethod, "sigmaPtMethod");
        Objects.requireNonNull(scoreType, "scoreType");
        rows = List.copyOf(rows);
    }

    /**
     * One lab's line: its result, its standard uncertainty (null when it gave none), its scores (null where not
     * computed) and the signal by the scheme's score type (ISO 13528:2022 9.4.2, 9.7.2).
     */
    public record Row(String labCode, double result, Double standardUncertainty, Double z, Double zPrime, Double zeta,
            Double en, Performance signal) {

        public Row {
            Objects.requireNonNull(labCode, "labCode");
            Objects.requireNonNull(signal, "signal");
        }
    }

    /** u(x_pt) &lt; 0.3 sigma_pt (ISO 13528:2022 9.2.1): labs are judged by z; otherwise by z'. */
    public boolean uncertaintyNegligible() {
        return assignedValueUncertainty < 0.3 * sigmaPt;
    }

    /** The row of one lab code, if it reported. */
    public java.util.Optional<Row> row(String labCode) {
        return rows.stream().filter(r -> r.labCode().equals(labCode)).findFirst();
    }
}
