package org.metrolims.reports.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.metrolims.calibration.traceability.LinkProblem;
import org.metrolims.reports.certificate.CertificateFacts.ChainStep;
import org.metrolims.reports.certificate.CertificateFacts.Label;
import org.metrolims.reports.certificate.CertificateFacts.ReferenceStandard;

/**
 * The metrological traceability statement of a certificate (ISO/IEC 17025:2017 7.8.4.1 and 6.5, ILAC P10 and P14):
 * the reference standards used and, for each, the whole documented chain of calibrations as it stood on the
 * calibration date, level by level up to the root (a national primary standard, or the certificate of the
 * national metrology institute or of an NMI under the CIPM MRA): each link's certificate number, issuer, dates.
 *
 * <p>A broken chain is printed, never hidden: the broken link is marked with what breaks it, and the closing sentence
 * then says that the certificate does <em>not</em> state traceability to the SI. (Why printed rather than refused:
 * the calibration is approved and its results are real; ISO/IEC 17025 7.8.1.2 asks that they be reported accurately
 * and unambiguously, and 7.8.4.1 c) that the traceability evidence be stated; an explicit "not traceable" tells the
 * customer exactly what the document is worth, where a refusal would leave them with no report at all.)
 */
final class TraceabilityStatement {

    private TraceabilityStatement() {
    }

    /** Whether every chain is complete, so that the certificate may state traceability to the SI. */
    static boolean traceable(List<ReferenceStandard> standards) {
        return !standards.isEmpty() && standards.stream().allMatch(ReferenceStandard::chainComplete);
    }

    static String zh(List<ReferenceStandard> standards, LocalDate calibratedOn) {
        if (standards.isEmpty()) {
            return "本次校准未登记所用计量标准，本证书不声明测量结果的计量溯源性。";
        }
        StringBuilder b = new StringBuilder("本次校准所用计量标准及其溯源链（按校准日期 " + calibratedOn + " 判定）：");
        int n = 1;
        for (ReferenceStandard s : standards) {
            b.append("\n[").append(n++).append("] ").append(s.code()).append(' ').append(s.nameZh())
                    .append("（").append(claim(s)).append("）");
            if (s.nationalPrimary()) {
                b.append("，国家计量基准，溯源链终点");
            }
            for (ChainStep step : s.chain()) {
                b.append("\n    第 ").append(step.level()).append(" 级：").append(step.fromCode());
                if (step.certificateNo().isEmpty()) {
                    b.append(" 无校准记录");
                } else {
                    b.append(" 由").append(step.issuer().map(Label::zh).orElse("（未登记校准机构）"))
                            .append("校准，证书编号 ").append(step.certificateNo().get())
                            .append("（").append(step.calibratedOn().map(LocalDate::toString).orElse("—"))
                            .append("，有效期至 ").append(step.validUntil().map(LocalDate::toString).orElse("未规定"))
                            .append("）");
                    step.reference().ifPresent(r -> b.append("，所用标准 ").append(r.code()).append(' ').append(r.zh())
                            .append(r.nationalPrimary() ? "（国家计量基准，溯源链终点）" : ""));
                    if (step.external() && step.problems().isEmpty()) {
                        b.append("，溯源链终点（国家计量院）");
                    }
                }
                if (!step.problems().isEmpty()) {
                    b.append("【断链：").append(step.problems().stream().map(TraceabilityStatement::zh)
                            .collect(Collectors.joining("；"))).append("】");
                }
            }
        }
        b.append(traceable(standards)
                ? "\n测量结果经上述不间断的校准链溯源至国家计量基准和国际单位制（SI）。"
                : "\n上述溯源链存在断链（见【断链】标记），本证书不声明测量结果溯源至国家计量基准和国际单位制（SI）。");
        return b.toString();
    }

    static String en(List<ReferenceStandard> standards, LocalDate calibratedOn) {
        if (standards.isEmpty()) {
            return "No reference standard is recorded for this calibration; this certificate makes no statement of"
                    + " metrological traceability.";
        }
        StringBuilder b = new StringBuilder("Reference standards used and their traceability chains (as on the"
                + " calibration date " + calibratedOn + "):");
        int n = 1;
        for (ReferenceStandard s : standards) {
            b.append("\n[").append(n++).append("] ").append(s.code()).append(' ').append(s.nameEn())
                    .append(" (").append(claim(s)).append(")");
            if (s.nationalPrimary()) {
                b.append(", a national primary standard: root of the chain");
            }
            for (ChainStep step : s.chain()) {
                b.append("\n    level ").append(step.level()).append(": ").append(step.fromCode());
                if (step.certificateNo().isEmpty()) {
                    b.append(" has no calibration on record");
                } else {
                    b.append(" calibrated by ").append(step.issuer().map(Label::en).orElse("(issuer not recorded)"))
                            .append(", certificate ").append(step.certificateNo().get())
                            .append(" (").append(step.calibratedOn().map(LocalDate::toString).orElse("—"))
                            .append(", valid until ").append(step.validUntil().map(LocalDate::toString)
                                    .orElse("not stated"))
                            .append(")");
                    step.reference().ifPresent(r -> b.append(", against ").append(r.code()).append(' ').append(r.en())
                            .append(r.nationalPrimary() ? " (national primary standard: root of the chain)" : ""));
                    if (step.external() && step.problems().isEmpty()) {
                        b.append(": root of the chain (national metrology institute)");
                    }
                }
                if (!step.problems().isEmpty()) {
                    b.append(" [BROKEN: ").append(step.problems().stream().map(TraceabilityStatement::en)
                            .collect(Collectors.joining("; "))).append("]");
                }
            }
        }
        b.append(traceable(standards)
                ? "\nThrough this unbroken chain of calibrations the results are traceable to the national measurement"
                        + " standards and to the SI."
                : "\nThe chain is broken where marked [BROKEN]; this certificate does not state that the results are"
                        + " traceable to the national measurement standards or to the SI.");
        return b.toString();
    }

    /**
     * The reference standards used although unfit on the calibration date, each with the technician's documented
     * reason, who decided it and when (empty when there is none). Printed after the chains, so that the reader sees
     * why a standard that was overdue, out of service or with a broken chain was used at all.
     */
    static String overridesZh(List<CertificateFacts.Override> overrides) {
        if (overrides.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n以下计量标准在校准日期不满足使用条件，经书面说明后使用：");
        for (CertificateFacts.Override o : overrides) {
            b.append("\n    ").append(o.code()).append("（").append(o.problems().stream()
                            .map(TraceabilityStatement::problemZh).collect(Collectors.joining("、")))
                    .append("）：").append(o.reason()).append("——").append(o.by()).append("，").append(o.on());
        }
        return b.toString();
    }

    static String overridesEn(List<CertificateFacts.Override> overrides) {
        if (overrides.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\nUsed under a documented override although unfit on the calibration"
                + " date:");
        for (CertificateFacts.Override o : overrides) {
            b.append("\n    ").append(o.code()).append(" (").append(o.problems().stream()
                            .map(TraceabilityStatement::problemEn).collect(Collectors.joining(", ")))
                    .append("): ").append(o.reason()).append(" — ").append(o.by()).append(", ").append(o.on());
        }
        return b.toString();
    }

    private static String problemZh(String problem) {
        return switch (problem) {
            case "OVERDUE" -> "校准已过有效期";
            case "NOT_IN_SERVICE" -> "不在有效使用状态";
            case "BROKEN_CHAIN" -> "溯源链断链";
            default -> problem;
        };
    }

    private static String problemEn(String problem) {
        return switch (problem) {
            case "OVERDUE" -> "calibration overdue";
            case "NOT_IN_SERVICE" -> "not in service";
            case "BROKEN_CHAIN" -> "broken traceability chain";
            default -> problem;
        };
    }

    /** The first broken link, for the audit trail and messages, if any chain is broken. */
    static String firstBreak(List<ReferenceStandard> standards) {
        if (standards.isEmpty()) {
            return "no reference standard recorded";
        }
        for (ReferenceStandard s : standards) {
            for (ChainStep step : s.chain()) {
                if (!step.problems().isEmpty()) {
                    return s.code() + " level " + step.level() + " " + step.fromCode()
                            + step.certificateNo().map(c -> " (" + c + ")").orElse("") + ": " + step.problems();
                }
            }
            if (!s.chainComplete()) {
                return s.code() + ": no calibration of its equipment on record";
            }
        }
        return "";
    }

    static String zh(LinkProblem p) {
        return switch (p) {
            case EXPIRED_WHEN_USED -> "使用时校准已超过有效期";
            case MISSING_LINK -> "缺少校准或上级标准";
            case CYCLE -> "循环溯源";
            case ROOT_NOT_NMI -> "出证机构不是国家计量院或国际互认的计量院";
            case UNCERTAINTY_SHRINKS -> "上级标准的不确定度大于被校标准";
            case REFERENCE_NOT_IN_SERVICE -> "上级标准当日不在有效使用状态";
        };
    }

    static String en(LinkProblem p) {
        return switch (p) {
            case EXPIRED_WHEN_USED -> "calibration expired when used";
            case MISSING_LINK -> "missing calibration or reference";
            case CYCLE -> "cycle";
            case ROOT_NOT_NMI -> "issuer is not a recognised national metrology institute";
            case UNCERTAINTY_SHRINKS -> "reference uncertainty larger than the calibrated standard's";
            case REFERENCE_NOT_IN_SERVICE -> "reference standard not in service that day";
        };
    }

    private static String claim(ReferenceStandard s) {
        if (s.expandedUncertainty() != null) {
            String k = s.coverageFactor() == null ? "" : ", k = " + Formats.plain(s.coverageFactor());
            return "U = " + Formats.plain(s.expandedUncertainty()) + " " + s.unit() + k;
        }
        return s.accuracyClass() == null ? "—" : s.accuracyClass();
    }
}
