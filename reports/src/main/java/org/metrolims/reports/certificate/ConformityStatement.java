package org.metrolims.reports.certificate;

import java.util.Locale;

/**
 * The statement of conformity (ISO/IEC 17025:2017 7.8.6) naming the decision rule the calibration stored with its
 * decisions (ILAC-G8:09/2019 4.2, JCGM 106:2012 8), and the per-point decision wording.
 */
final class ConformityStatement {

    private ConformityStatement() {
    }

    static String zh(CertificateFacts f) {
        if (f.decisionRule() == null) {
            return "本证书仅给出校准结果，不作符合性判定。";
        }
        String outcome = switch (f.conformity() == null ? "NOT_STATED" : f.conformity()) {
            case "PASS" -> "所有校准点均符合规定的允许误差";
            case "FAIL" -> "至少一个校准点不符合规定的允许误差";
            case "INDETERMINATE" -> "至少一个校准点的判定为有条件判定（见结果表）";
            default -> "未作总体判定";
        };
        return "依据" + ruleZh(f.decisionRule(), f.decisionRuleMultiplier()) + "判定：" + outcome + "。";
    }

    static String en(CertificateFacts f) {
        if (f.decisionRule() == null) {
            return "Results only; no statement of conformity is made.";
        }
        String outcome = switch (f.conformity() == null ? "NOT_STATED" : f.conformity()) {
            case "PASS" -> "every point conforms to the stated tolerance";
            case "FAIL" -> "at least one point does not conform to the stated tolerance";
            case "INDETERMINATE" -> "at least one point has a conditional decision (see the results table)";
            default -> "no overall statement is made";
        };
        return "Decision rule: " + ruleEn(f.decisionRule(), f.decisionRuleMultiplier()) + ". Result: " + outcome
                + ".";
    }

    static String decision(String verdict, String conformity) {
        if (verdict == null) {
            return "不作判定 Not stated";
        }
        return switch (verdict) {
            case "PASS" -> "合格 Pass";
            case "CONDITIONAL_PASS" -> "有条件合格 Conditional pass";
            case "CONDITIONAL_FAIL" -> "有条件不合格 Conditional fail";
            case "FAIL" -> "不合格 Fail";
            default -> verdict.toLowerCase(Locale.ROOT);
        };
    }

    private static String ruleZh(String rule, Double r) {
        return switch (rule) {
            case "SIMPLE_ACCEPTANCE" -> "简单接受规则（ILAC-G8:09/2019 4.2.1，保护带 w = 0）";
            case "GUARDED_ACCEPTANCE_W_EQ_U" -> "带保护带的接受规则（ILAC-G8:09/2019 4.2.2，w = U）";
            case "GUARDED_ACCEPTANCE_W_EQ_RU" -> "带保护带的接受规则（ILAC-G8:09/2019 4.2.2，w = " + multiplier(r) + "·U）";
            case "NON_BINARY_GUARD_BAND_W_EQ_U" -> "非二元判定规则（ILAC-G8:09/2019 4.2.3，w = U）";
            case "NON_BINARY_GUARD_BAND_W_EQ_RU" -> "非二元判定规则（ILAC-G8:09/2019 4.2.3，w = " + multiplier(r) + "·U）";
            default -> rule;
        };
    }

    private static String ruleEn(String rule, Double r) {
        return switch (rule) {
            case "SIMPLE_ACCEPTANCE" -> "simple acceptance (ILAC-G8:09/2019 4.2.1, guard band w = 0)";
            case "GUARDED_ACCEPTANCE_W_EQ_U" -> "guarded acceptance (ILAC-G8:09/2019 4.2.2, w = U)";
            case "GUARDED_ACCEPTANCE_W_EQ_RU" -> "guarded acceptance (ILAC-G8:09/2019 4.2.2, w = " + multiplier(r) + "·U)";
            case "NON_BINARY_GUARD_BAND_W_EQ_U" -> "non-binary statement with guard band (ILAC-G8:09/2019 4.2.3, w = U)";
            case "NON_BINARY_GUARD_BAND_W_EQ_RU" -> "non-binary statement with guard band (ILAC-G8:09/2019 4.2.3, w = "
                    + multiplier(r) + "·U)";
            default -> rule;
        };
    }

    private static String multiplier(Double r) {
        return r == null ? "r" : Formats.plain(r);
    }
}
