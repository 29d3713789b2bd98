package org.metrolims.proficiency.enrolment;

import org.metrolims.proficiency.PtRuleException;

/** The lab already has an enrolment (or application) in the round. */
public class DuplicateEnrolmentException extends PtRuleException {

    public DuplicateEnrolmentException(String organizationCode, EnrolmentStatus existing) {
        super("DUPLICATE_ENROLMENT", "organizationCode", organizationCode + " is already in this round ("
                + existing + ")");
    }
}
