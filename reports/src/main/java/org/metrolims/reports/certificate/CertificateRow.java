package org.metrolims.reports.certificate;

/**
 * One line of the results table, formatted: the mean and error rounded to the last digit of U, U to two significant
 * digits (JCGM 100:2008 7.2.6), k and p as stated, the tolerance in its own unit and the decision in both languages.
 * Public getters, because JasperReports reads bean fields through them.
 */
public record CertificateRow(String seq, String nominal, String mean, String error, String expandedUncertainty,
        String coverageFactor, String coverageProbability, String unit, String tolerance, String decision) {

    public String getSeq() { return seq; }
    public String getNominal() { return nominal; }
    public String getMean() { return mean; }
    public String getError() { return error; }
    public String getExpandedUncertainty() { return expandedUncertainty; }
    public String getCoverageFactor() { return coverageFactor; }
    public String getCoverageProbability() { return coverageProbability; }
    public String getUnit() { return unit; }
    public String getTolerance() { return tolerance; }
    public String getDecision() { return decision; }
}
