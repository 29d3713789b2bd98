package org.metrolims.reports.certificate;

import org.metrolims.db.failure.RuleViolation;

/**
 * A request that breaks a certificate rule (not approved, already certified, no reason, not the valid revision);
 * {@link #code()} names the rule, {@link #field()} the request field it is about.
 */
public class CertificateRuleException extends RuleViolation {

    public CertificateRuleException(String code, String field, String message) {
        super(code, field, message);
    }
}
