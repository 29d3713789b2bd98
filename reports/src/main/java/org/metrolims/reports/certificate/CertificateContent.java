package org.metrolims.reports.certificate;

import java.util.List;
import java.util.Objects;

/**
 * Everything printed on a calibration certificate (ISO/IEC 17025:2017 7.8.2.1 a–p and 7.8.4.1), already worded and
 * formatted: the template only places it. Bilingual fields carry 简体中文 and English side by side.
 *
 * @param revisionLine "revision n" wording, empty for the first issue
 * @param replacesZh for a revision (7.8.8.2): which certificate it replaces and why, else null
 * @param verifyUrl the public verification address, also encoded in the QR code
 */
record CertificateContent(String labNameZh, String labNameEn, String labAddressZh, String labAddressEn,
        String accreditation, String certificateNo, String revisionLine, String customerZh, String customerEn,
        String customerAddress, String itemZh, String itemEn, String itemIdentification, String receivedOn,
        String calibratedOn, String issuedOn, String method, String environment, String traceabilityZh,
        String traceabilityEn, String conformityZh, String conformityEn, String signatory, String replacesZh,
        String replacesEn, String verificationCode, String verifyUrl, List<CertificateRow> rows) {

    public CertificateContent {
        Objects.requireNonNull(certificateNo, "certificateNo");
        Objects.requireNonNull(verifyUrl, "verifyUrl");
        rows = List.copyOf(rows);
    }

    /** Every string on the certificate, for glyph-coverage checks. */
    public List<String> texts() {
        var all = new java.util.ArrayList<String>(List.of(labNameZh, labNameEn, labAddressZh, labAddressEn,
                accreditation, certificateNo, revisionLine, customerZh, customerEn, customerAddress, itemZh, itemEn,
                itemIdentification, receivedOn, calibratedOn, issuedOn, method, environment, traceabilityZh,
                traceabilityEn, conformityZh, conformityEn, signatory, replacesZh == null ? "" : replacesZh,
                replacesEn == null ? "" : replacesEn, verificationCode, verifyUrl));
        rows.forEach(r -> all.addAll(List.of(r.seq(), r.nominal(), r.mean(), r.error(), r.expandedUncertainty(),
                r.coverageFactor(), r.coverageProbability(), r.unit(), r.tolerance(), r.decision())));
        return all;
    }
}
