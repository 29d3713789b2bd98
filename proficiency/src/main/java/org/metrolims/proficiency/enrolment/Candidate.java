package org.metrolims.proficiency.enrolment;

import java.time.LocalDate;
import java.util.Set;

/** An organization as enrolment looks at it: its accreditation and scope (discipline codes). */
record Candidate(long id, String code, LocalDate accreditationValidUntil, Set<String> scope) {

    public Candidate {
        scope = Set.copyOf(scope);
    }
}
