package org.metrolims.reports.pt;

/** The documents of a published PT round: the final report to every participant, and a letter to each lab. */
public enum PtDocumentKind {
    REPORT,
    LETTER
}
