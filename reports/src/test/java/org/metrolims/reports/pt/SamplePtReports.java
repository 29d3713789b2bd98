package org.metrolims.reports.pt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SigmaPtMethod;
import org.metrolims.proficiency.statistics.HomogeneityVerdict;
import org.metrolims.proficiency.statistics.Performance;
import org.metrolims.proficiency.statistics.StabilityVerdict;

/** A gauge-block round: x_pt = 10.000 mm (reference value), u(x_pt) = 0.0100 mm, sigma_pt = 0.1000 mm, by z. */
final class SamplePtReports {

    private SamplePtReports() {
    }

    /** {@code labs} labs with codes L001..; lab i reports 10 + dev[i % dev.length] mm with u = 0.02 mm. */
    static PtRoundReport round(int labs) {
        double[] dev = {0.05, -0.12, 0.215, 0.0, -0.31, 0.08, -0.04, 0.15, 0.02, -0.07, 0.11, -0.18};
        List<PtRoundReport.Row> rows = new ArrayList<>();
        for (int i = 0; i < labs; i++) {
            double x = 10 + dev[i % dev.length];
            double z = (x - 10) / 0.1;
            double zeta = (x - 10) / Math.sqrt(0.02 * 0.02 + 0.01 * 0.01);
            rows.add(new PtRoundReport.Row("L%03d".formatted(i + 1), x, 0.02, z, z, zeta, null,
                    Performance.ofScore(z)));
        }
        return new PtRoundReport("福建省计量科学研究院", "Fujian Institute of Metrology", "PT-GB-LEN", "量块中心长度比对",
                "Gauge block central length comparison", "PT-GB-2026-01", "中心长度", "central length", "mm",
                LocalDate.of(2026, 9, 30), AssignedValueMethod.REFERENCE_VALUE, 10.0, 0.01, SigmaPtMethod.FIXED, 0.1,
                SchemeScoreType.Z, 10.004, 0.152,
                new HomogeneityVerdict(10, 10.001, 0.006, 0.005, 0.0047, 0.03, true, 1.88, 1.01, 0.042, true),
                new StabilityVerdict(10.001, 10.004, 0.003, 0.03, true), rows);
    }

    static PtLabLetter letter(PtRoundReport round, String labCode) {
        var own = round.row(labCode).orElseThrow();
        return new PtLabLetter(round, "厦门市计量检定测试院", "Xiamen Institute of Measurement and Testing", labCode,
                List.of(new PtLabLetter.HistoryRow("PT-GB-2025-02", LocalDate.of(2025, 10, 2), "L017", 10.262, "z",
                                2.62, Performance.QUESTIONABLE),
                        new PtLabLetter.HistoryRow(round.roundCode(), LocalDate.of(2026, 9, 28), labCode,
                                own.result(), "z", own.z(), own.signal())),
                false);
    }
}
