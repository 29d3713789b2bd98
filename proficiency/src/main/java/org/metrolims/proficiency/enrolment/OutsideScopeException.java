package org.metrolims.proficiency.enrolment;

import org.metrolims.proficiency.PtRuleException;

/** The lab's accreditation does not cover the scheme's discipline, or has expired. */
public class OutsideScopeException extends PtRuleException {

    public OutsideScopeException(String message) {
        super("OUTSIDE_ACCREDITATION_SCOPE", "organizationCode", message);
    }
}
