package org.metrolims.reports.certificate;

import java.time.LocalDate;

/**
 * What the issuing adds to the calibration's facts: number and revision, the date of issue, the signatory, the
 * verification code and address, and for an amendment the revision it replaces and why.
 */
record IssueDetails(String number, int revision, LocalDate issuedOn, String signatory, String verificationCode,
        String verifyUrl, Integer replacesRevision, String reason) {
}
