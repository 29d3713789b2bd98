package org.metrolims.reports.coverage;

/**
 * One printed line of the report's tables: a section heading, a row of column headings, or a row of values
 * ({@code kind} HEADING, COLUMNS or ROW), in seven cells; COLUMNS6 and ROW6 in six, the last twice as wide. Public getters, because JasperReports reads bean fields
 * through them.
 */
public record CoverageReportRow(String kind, String c0, String c1, String c2, String c3, String c4, String c5,
        String c6) {

    static CoverageReportRow heading(String text) {
        return new CoverageReportRow("HEADING", text, "", "", "", "", "", "");
    }

    static CoverageReportRow columns(String... c) {
        return new CoverageReportRow("COLUMNS", c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }

    /** Column headings of a six-cell table whose last cell is twice as wide. */
    static CoverageReportRow columns6(String... c) {
        return new CoverageReportRow("COLUMNS6", c[0], c[1], c[2], c[3], c[4], c[5], "");
    }

    /** A row of a six-cell table whose last cell is twice as wide. */
    static CoverageReportRow row6(String... c) {
        return new CoverageReportRow("ROW6", c[0], c[1], c[2], c[3], c[4], c[5], "");
    }

    static CoverageReportRow row(String... c) {
        return new CoverageReportRow("ROW", c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    }

    public String getKind() { return kind; }
    public String getC0() { return c0; }
    public String getC1() { return c1; }
    public String getC2() { return c2; }
    public String getC3() { return c3; }
    public String getC4() { return c4; }
    public String getC5() { return c5; }
    public String getC6() { return c6; }
}
