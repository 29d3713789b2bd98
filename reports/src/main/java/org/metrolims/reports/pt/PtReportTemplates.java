package org.metrolims.reports.pt;

import static org.metrolims.reports.pt.PtWording.NONE;
import static org.metrolims.reports.pt.PtWording.number;
import static org.metrolims.reports.pt.PtWording.score;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.reports.internal.IssuedPdf;
import org.springframework.stereotype.Component;

/**
 * The PT round final report and the per-lab letter, both templates compiled once; {@link #report} and
 * {@link #letter} fill and export to PDF from the value records alone (no database) and may be called from many
 * threads. Bilingual 简体中文 / English, page "x / y" on every page, the CJK font embedded.
 */
@Component
public final class PtReportTemplates {

    private final JasperReport report;
    private final JasperReport letter;

    public PtReportTemplates() {
        this.report = compile("pt-round-report.jrxml");
        this.letter = compile("pt-lab-letter.jrxml");
    }

    /** A preview of the round's final report (not issued: dated as its content says, stamped now). */
    public byte[] report(PtRoundReport r) {
        return report(r, null);
    }

    /**
     * The round's final report as issued: every lab by code, its result, u and scores, and the two charts; the same
     * content and issue give the same bytes.
     */
    public byte[] report(PtRoundReport r, PtIssue issue) {
        int d = PtWording.decimals(r.sigmaPt());
        Map<String, Object> p = common(r, d, issue);
        List<PtCharts.Bar> bars = new ArrayList<>();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (PtRoundReport.Row row : r.rows()) {
            Map<String, Object> m = new HashMap<>();
            m.put("labCode", row.labCode());
            m.put("result", number(row.result(), d));
            m.put("u", number(row.standardUncertainty(), d + 1));
            m.put("z", score(r.uncertaintyNegligible() ? row.z() : row.zPrime()));
            m.put("zeta", score(row.zeta()));
            m.put("en", score(row.en()));
            m.put("signal", PtWording.signal(row.signal()));
            rows.add(m);
            Double judged = judgedBy(r, row);
            if (judged != null) {
                bars.add(new PtCharts.Bar(row.labCode(), judged, row.signal()));
            }
        }
        p.put("scoreChart", PtCharts.scores(bars,
                PtWording.scoreName(r.scoreType(), r.uncertaintyNegligible()), r.scoreType() == SchemeScoreType.EN));
        p.put("distributionChart", PtCharts.distribution(
                r.rows().stream().mapToDouble(PtRoundReport.Row::result).toArray(), r.assignedValue(), r.sigmaPt(),
                r.unit()));
        return fill(report, p, rows, "PT report of round " + r.roundCode(), issue);
    }

    /** A preview of the letter to one lab (not issued: dated as its content says, stamped now). */
    public byte[] letter(PtLabLetter l) {
        return letter(l, null);
    }

    /** The letter to one lab as issued: its own row of the round, and its record in the scheme. */
    public byte[] letter(PtLabLetter l, PtIssue issue) {
        PtRoundReport r = l.round();
        int d = PtWording.decimals(r.sigmaPt());
        Map<String, Object> p = common(r, d, issue);
        p.put("labNameZh", l.labNameZh());
        p.put("labNameEn", l.labNameEn());
        p.put("labCode", l.labCode());
        var own = r.row(l.labCode());
        p.put("ownResult", own.map(o -> number(o.result(), d) + " " + r.unit())
                .orElse("本轮未提交结果 No result was reported in this round"));
        p.put("ownU", own.map(o -> o.standardUncertainty() == null ? "未给出 Not given"
                : number(o.standardUncertainty(), d + 1) + " " + r.unit()).orElse(NONE));
        p.put("ownScores", own.map(o -> ownScores(r, o)).orElse(NONE));
        p.put("ownSignal", own.map(o -> PtWording.signal(o.signal())).orElse(NONE));
        p.put("flag", l.flagged()
                ? "需关注：连续两次可疑或出现不满意结果（ISO 13528:2022 9.4.2），请调查原因并采取纠正措施。\n"
                        + "Follow-up needed: two questionable results in a row or an unsatisfactory one; please"
                        + " investigate and take corrective action."
                : "无需跟进 No follow-up signal over " + l.history().size() + " round(s)");
        List<Map<String, ?>> rows = new ArrayList<>();
        for (PtLabLetter.HistoryRow h : l.history()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("roundCode", h.roundCode() + (h.roundCode().equals(r.roundCode()) ? " (本轮 this round)" : ""));
            m.put("scoredOn", h.scoredOn() == null ? NONE : h.scoredOn().toString());
            m.put("result", number(h.result(), d));
            m.put("score", h.score() == null ? NONE : h.scoreName() + " = " + score(h.score()));
            m.put("signal", PtWording.signal(h.signal()));
            rows.add(m);
        }
        return fill(letter, p, rows, "PT letter to " + l.labCode() + " of round " + r.roundCode(), issue);
    }

    private static Map<String, Object> common(PtRoundReport r, int d, PtIssue issue) {
        String unit = r.unit() == null ? "" : " " + r.unit();
        Map<String, Object> p = new HashMap<>();
        p.put("providerZh", r.providerNameZh());
        p.put("providerEn", r.providerNameEn());
        p.put("scheme", r.schemeCode() + "  " + r.schemeNameZh() + " / " + r.schemeNameEn());
        p.put("roundCode", r.roundCode());
        p.put("measurand", r.measurandZh() + " / " + r.measurandEn() + (r.unit() == null ? "" : " (" + r.unit() + ")"));
        p.put("issuedOn", issue != null ? issue.printed() : r.issuedOn() == null ? NONE : r.issuedOn().toString());
        p.put("participants", Integer.toString(r.rows().size()));
        p.put("assignedValue", number(r.assignedValue(), d) + unit);
        p.put("assignedMethod", PtWording.assignedValueMethod(r.assignedValueMethod()));
        p.put("assignedU", number(r.assignedValueUncertainty(), d + 1) + unit
                + (r.uncertaintyNegligible() ? "  (< 0.3σpt)" : "  (≥ 0.3σpt)"));
        p.put("sigmaPt", number(r.sigmaPt(), d + 1) + unit);
        p.put("sigmaMethod", PtWording.sigmaPtMethod(r.sigmaPtMethod()));
        p.put("robust", r.robustMean() == null ? "少于三个结果，未计算 Fewer than three results: not computed"
                : "x* = " + number(r.robustMean(), d) + unit + "，s* = " + number(r.robustSd(), d + 1) + unit
                        + "（算法A Algorithm A, ISO 13528:2022 C.3）");
        p.put("homogeneity", PtWording.homogeneity(r.homogeneity(), d));
        p.put("stability", PtWording.stability(r.stability(), d));
        p.put("scoreRule", PtWording.scoreRule(r.scoreType(), r.uncertaintyNegligible()));
        p.put("scoreName", PtWording.scoreName(SchemeScoreType.Z, r.uncertaintyNegligible()));
        return p;
    }

    /** The score the lab's signal comes from: the scheme's, or z / z' when the lab gave no uncertainty. */
    static Double judgedBy(PtRoundReport r, PtRoundReport.Row row) {
        Double z = r.uncertaintyNegligible() ? row.z() : row.zPrime();
        return switch (r.scoreType()) {
            case Z -> z;
            case ZETA -> row.zeta() != null ? row.zeta() : z;
            case EN -> row.en() != null ? row.en() : z;
        };
    }

    private static String ownScores(PtRoundReport r, PtRoundReport.Row o) {
        String zName = PtWording.scoreName(SchemeScoreType.Z, r.uncertaintyNegligible());
        StringBuilder s = new StringBuilder(zName).append(" = ")
                .append(score(r.uncertaintyNegligible() ? o.z() : o.zPrime()));
        if (o.zeta() != null) {
            s.append("，ζ = ").append(score(o.zeta()));
        }
        if (o.en() != null) {
            s.append("，En = ").append(score(o.en()));
        }
        return s.toString();
    }

    private static byte[] fill(JasperReport template, Map<String, Object> p, List<Map<String, ?>> rows,
            String what, PtIssue issue) {
        try {
            var print = JasperFillManager.fillReport(template, p, new JRMapCollectionDataSource(rows));
            return issue == null ? IssuedPdf.export(print, Instant.now(), what)
                    : IssuedPdf.export(print, issue.issuedAt(), what + " revision " + issue.revision());
        } catch (JRException e) {
            throw new IllegalStateException("cannot render the " + what, e);
        }
    }

    private static JasperReport compile(String jrxml) {
        try (InputStream in = PtReportTemplates.class.getResourceAsStream(jrxml)) {
            if (in == null) {
                throw new IllegalStateException(jrxml + " is missing from the classpath");
            }
            return JasperCompileManager.compileReport(in);
        } catch (JRException | IOException e) {
            throw new IllegalStateException("cannot compile " + jrxml, e);
        }
    }
}
