package org.metrolims.reports.certificate;

import java.time.Instant;

/**
 * One item of a batch issue, with its certificate and what became of the e-mail that sends it to the customer.
 *
 * @param status       PENDING, ISSUED or FAILED (the certificate)
 * @param error        why the certificate was not issued, for a FAILED item
 * @param contactEmail the customer's contact e-mail as it stands now (where a re-send goes)
 * @param mailStatus   null (not mailed yet), SENT, FAILED or NO_CONTACT (the customer has no contact e-mail)
 * @param mailTo       where the last attempt went
 * @param mailError    why the last attempt failed
 */
public record CertificateBatchItem(long calibrationId, String calibrationNo, String status, String error,
        String certificateNo, Integer revision, String customerZh, String customerEn, String contactEmail,
        String mailStatus, String mailTo, String mailError, Instant mailedAt) {

    public static final String MAIL_SENT = "SENT";
    public static final String MAIL_FAILED = "FAILED";
    public static final String MAIL_NO_CONTACT = "NO_CONTACT";

    public boolean issued() {
        return "ISSUED".equals(status);
    }

    /** Issued, and its e-mail not (yet) delivered: the batch page offers to send it (again). */
    public boolean canResend() {
        return issued() && !MAIL_SENT.equals(mailStatus);
    }
}
