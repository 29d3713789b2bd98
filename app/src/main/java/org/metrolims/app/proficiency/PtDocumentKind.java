package org.metrolims.app.proficiency;

/** The documents of a published PT round: the final report to every participant, and a letter to each lab. */
enum PtDocumentKind {
    REPORT,
    LETTER
}
