package org.metrolims.app.procedure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.procedure.ProcedureVersion;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.PointInput;

/**
 * The procedure template form as bound from the page ({@code points[i].components[j].name} …): a mutable bean, as
 * Spring's data binder grows its rows. Rows left blank are ignored; a field the service refuses is reported at the
 * row the person typed it in.
 */
public class ProcedureForm {

    @NotBlank
    @Size(max = 60)
    private String code;
    @NotBlank
    @Size(max = 200)
    private String title;
    @NotNull
    private Long instrumentTypeId;
    @NotBlank
    @Size(max = 32)
    private String unit;
    private DecisionRuleCode decisionRule;
    private Double decisionRuleMultiplier;
    @Size(max = 500)
    private String changeNote;
    /** The version an edit is based on; null for a new template. */
    private Integer version;
    private List<PointRow> points = new ArrayList<>();

    /** One test point's row. */
    public static class PointRow {
        private Double nominal;
        private String unit;
        private Double tolerance;
        private String toleranceUnit;
        private List<ComponentRow> components = new ArrayList<>();

        boolean blank() {
            return nominal == null && isBlank(unit) && tolerance == null && isBlank(toleranceUnit)
                    && components.stream().allMatch(c -> c == null || c.blank());
        }

        public Double getNominal() { return nominal; }
        public void setNominal(Double nominal) { this.nominal = nominal; }
        public String getUnit() { return unit; }
        public void setUnit(String unit) { this.unit = unit; }
        public Double getTolerance() { return tolerance; }
        public void setTolerance(Double tolerance) { this.tolerance = tolerance; }
        public String getToleranceUnit() { return toleranceUnit; }
        public void setToleranceUnit(String toleranceUnit) { this.toleranceUnit = toleranceUnit; }
        public List<ComponentRow> getComponents() { return components; }
        public void setComponents(List<ComponentRow> components) { this.components = components; }
    }

    /** One Type B component's row of a point's budget. */
    public static class ComponentRow {
        private String name;
        private String distribution;
        private Double expandedUncertainty;
        private Double coverageFactor;
        private Double halfWidth;
        private Double standardUncertainty;
        private Double sensitivity;

        boolean blank() {
            return isBlank(name) && expandedUncertainty == null && coverageFactor == null && halfWidth == null
                    && standardUncertainty == null && sensitivity == null;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getDistribution() { return distribution; }
        public void setDistribution(String distribution) { this.distribution = distribution; }
        public Double getExpandedUncertainty() { return expandedUncertainty; }
        public void setExpandedUncertainty(Double v) { this.expandedUncertainty = v; }
        public Double getCoverageFactor() { return coverageFactor; }
        public void setCoverageFactor(Double coverageFactor) { this.coverageFactor = coverageFactor; }
        public Double getHalfWidth() { return halfWidth; }
        public void setHalfWidth(Double halfWidth) { this.halfWidth = halfWidth; }
        public Double getStandardUncertainty() { return standardUncertainty; }
        public void setStandardUncertainty(Double v) { this.standardUncertainty = v; }
        public Double getSensitivity() { return sensitivity; }
        public void setSensitivity(Double sensitivity) { this.sensitivity = sensitivity; }
    }

    /** The form filled with a version's content, to be edited into the next version. */
    static ProcedureForm of(ProcedureVersion v, int currentVersion) {
        ProcedureForm f = new ProcedureForm();
        f.code = v.code();
        f.title = v.title();
        f.instrumentTypeId = v.instrumentTypeId();
        f.unit = v.unit();
        f.decisionRule = v.decisionRule();
        f.decisionRuleMultiplier = v.decisionRuleMultiplier();
        f.version = currentVersion;
        for (PointInput p : v.points()) {
            PointRow row = new PointRow();
            row.nominal = p.nominal();
            row.unit = p.unit();
            row.tolerance = p.tolerance();
            row.toleranceUnit = p.toleranceUnit();
            for (ComponentInput c : p.components()) {
                ComponentRow cr = new ComponentRow();
                cr.name = c.name();
                cr.distribution = c.distribution();
                cr.expandedUncertainty = c.expandedUncertainty();
                cr.coverageFactor = c.coverageFactor();
                cr.halfWidth = c.halfWidth();
                cr.standardUncertainty = c.standardUncertainty();
                cr.sensitivity = c.sensitivity();
                row.components.add(cr);
            }
            f.points.add(row);
        }
        return f;
    }

    /** Adds blank rows to type into: {@code points} more points, and a blank component row to every point. */
    void withBlankRows(int morePoints) {
        for (int i = 0; i < morePoints; i++) {
            points.add(new PointRow());
        }
        for (PointRow p : points) {
            if (p != null) {
                p.components.add(new ComponentRow());
                if (p.components.size() < 2) {
                    p.components.add(new ComponentRow());
                }
            }
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getInstrumentTypeId() { return instrumentTypeId; }
    public void setInstrumentTypeId(Long instrumentTypeId) { this.instrumentTypeId = instrumentTypeId; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public DecisionRuleCode getDecisionRule() { return decisionRule; }
    public void setDecisionRule(DecisionRuleCode decisionRule) { this.decisionRule = decisionRule; }
    public Double getDecisionRuleMultiplier() { return decisionRuleMultiplier; }
    public void setDecisionRuleMultiplier(Double v) { this.decisionRuleMultiplier = v; }
    public String getChangeNote() { return changeNote; }
    public void setChangeNote(String changeNote) { this.changeNote = changeNote; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public List<PointRow> getPoints() { return points; }
    public void setPoints(List<PointRow> points) { this.points = points; }
}
