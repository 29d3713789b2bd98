package org.metrolims.reports.pt;

import java.time.Instant;

/** A PT document as issued and stored (without its bytes): which round, report or whose letter, which revision. */
public record PtDocument(long id, long roundId, String roundCode, String schemeCode, PtDocumentKind kind,
        Long organizationId, String labCode, int revision, String status, Instant issuedAt, String sha256) {

    /** The file name: round code, and for a letter the lab's code in the round, never its name. */
    public String fileName() {
        return "pt-" + (kind == PtDocumentKind.REPORT ? "report-" + roundCode : "letter-" + roundCode + "-" + labCode)
                + (revision > 1 ? "-r" + revision : "") + ".pdf";
    }
}
