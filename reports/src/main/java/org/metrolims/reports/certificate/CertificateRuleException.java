package org.metrolims.reports.certificate;

/** A request that breaks a certificate rule (not approved, already certified, not one's lab, missing reason). */
public class CertificateRuleException extends RuntimeException {

    private final String field;

    public CertificateRuleException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the rule is about, for problem+json. */
    public String field() {
        return field;
    }
}
