package org.metrolims.reports.pt;

import java.util.Locale;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SigmaPtMethod;
import org.metrolims.proficiency.statistics.HomogeneityVerdict;
import org.metrolims.proficiency.statistics.Performance;
import org.metrolims.proficiency.statistics.StabilityVerdict;

/** The bilingual wording and number formats of the PT report and letter (ISO 13528:2022 clauses cited). */
final class PtWording {

    static final String NONE = "—";

    private PtWording() {
    }

    static String assignedValueMethod(AssignedValueMethod m) {
        return switch (m) {
            case ALGORITHM_A -> "参加者公议值：稳健平均值（算法A）\nConsensus of participants: robust mean by Algorithm A"
                    + " (ISO 13528:2022 7.7, C.3)";
            case REFERENCE_VALUE -> "参考值\nReference value (ISO 13528:2022 7.3)";
            case CERTIFIED_VALUE -> "有证标准物质的认定值\nCertified value of a reference material (ISO 13528:2022 7.4)";
            case REFERENCE_LAB -> "参考实验室的测量结果\nResult of a reference laboratory (ISO 13528:2022 7.5)";
        };
    }

    static String sigmaPtMethod(SigmaPtMethod m) {
        return switch (m) {
            case FIXED -> "由计划规定的固定值\nFixed by the scheme (ISO 13528:2022 8.2)";
            case ROBUST_SD -> "参加者结果的稳健标准差 s*\nRobust standard deviation s* of the results"
                    + " (ISO 13528:2022 8.6)";
            case HORWITZ -> "Horwitz 公式（Thompson 修正）\nHorwitz function with Thompson's modification"
                    + " (ISO 13528:2022 8.4)";
        };
    }

    /** The score the labs are judged by: z (z' when u(x_pt) is not negligible), zeta or E_n. */
    static String scoreName(SchemeScoreType type, boolean negligible) {
        return switch (type) {
            case Z -> negligible ? "z" : "z′";
            case ZETA -> "ζ";
            case EN -> "En";
        };
    }

    static String scoreRule(SchemeScoreType type, boolean negligible) {
        return switch (type) {
            case Z -> negligible
                    ? "z = (x - xpt) / σpt；|z| ≤ 2 满意，2 < |z| < 3 可疑，|z| ≥ 3 不满意\n"
                            + "z = (x - xpt) / σpt; |z| ≤ 2 satisfactory, 2 < |z| < 3 questionable, |z| ≥ 3"
                            + " unsatisfactory (ISO 13528:2022 9.4)"
                    : "u(xpt) ≥ 0.3σpt，采用 z′ = (x - xpt) / √(σpt² + u²(xpt))；判定界限同 z\n"
                            + "u(xpt) ≥ 0.3σpt, so z′ = (x - xpt) / √(σpt² + u²(xpt)) is used, with the limits of z"
                            + " (ISO 13528:2022 9.5)";
            case ZETA -> "ζ = (x - xpt) / √(u²(x) + u²(xpt))；|ζ| ≤ 2 满意，2 < |ζ| < 3 可疑，|ζ| ≥ 3 不满意\n"
                    + "ζ = (x - xpt) / √(u²(x) + u²(xpt)); limits as for z (ISO 13528:2022 9.6)";
            case EN -> "En = (x - xpt) / √(U²(x) + U²(xpt))；|En| ≤ 1 满意，|En| > 1 不满意\n"
                    + "En = (x - xpt) / √(U²(x) + U²(xpt)); |En| ≤ 1 satisfactory, |En| > 1 unsatisfactory"
                    + " (ISO 13528:2022 9.7)";
        };
    }

    static String signal(Performance p) {
        return switch (p) {
            case SATISFACTORY -> "满意 Satisfactory";
            case QUESTIONABLE -> "可疑 Questionable";
            case UNSATISFACTORY -> "不满意 Unsatisfactory";
        };
    }

    static String homogeneity(HomogeneityVerdict h, int decimals) {
        if (h == null) {
            return "未评价 Not assessed";
        }
        String values = "ss = " + number(h.ss(), decimals + 1) + "，0.3σpt = " + number(h.criterion(), decimals + 1)
                + "，g = " + h.items();
        if (h.sufficient()) {
            return "均匀（ss ≤ 0.3σpt）Sufficiently homogeneous (ISO 13528:2022 B.2.2)\n" + values;
        }
        if (h.sufficientExpanded()) {
            return "均匀（按扩展判据 ss ≤ " + number(h.expandedCriterion(), decimals + 1)
                    + "）Sufficiently homogeneous by the expanded criterion (B.2.3)\n" + values;
        }
        return "不均匀 Not sufficiently homogeneous (ISO 13528:2022 B.2)\n" + values;
    }

    static String stability(StabilityVerdict s, int decimals) {
        if (s == null) {
            return "未评价 Not assessed";
        }
        String values = "|y1 - y2| = " + number(s.difference(), decimals + 1) + "，0.3σpt = "
                + number(s.criterion(), decimals + 1);
        return (s.stable() ? "稳定 Stable (ISO 13528:2022 B.5.1)\n" : "不稳定 Not stable (ISO 13528:2022 B.5.1)\n")
                + values;
    }

    /**
     * Decimals for values of the measurand: two significant digits of sigma_pt plus one, so that a z-score
     * recomputed from the printed numbers agrees to its second decimal. Between 0 and 8.
     */
    static int decimals(double sigmaPt) {
        if (!(sigmaPt > 0) || Double.isInfinite(sigmaPt)) {
            return 4;
        }
        int d = (int) Math.ceil(-Math.log10(sigmaPt)) + 2;
        return Math.max(0, Math.min(8, d));
    }

    static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String number(Double v, int decimals) {
        return v == null ? NONE : number(v.doubleValue(), decimals);
    }

    /** A score, two decimals, "—" when not computed. */
    static String score(Double v) {
        return v == null ? NONE : String.format(Locale.ROOT, "%.2f", v);
    }
}
