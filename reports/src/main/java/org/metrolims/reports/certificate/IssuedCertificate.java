package org.metrolims.reports.certificate;

/** A certificate revision's PDF exactly as issued, with its SHA-256 (hex). */
public record IssuedCertificate(String number, int revision, CertificateStatus status, byte[] pdf, String sha256) {

    public String fileName() {
        return number + (revision > 1 ? "-r" + revision : "") + ".pdf";
    }
}
