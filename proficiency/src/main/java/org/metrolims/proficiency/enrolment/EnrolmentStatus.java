package org.metrolims.proficiency.enrolment;

/** A lab's place in a round (pt_enrolment.status). */
public enum EnrolmentStatus {
    /** The lab asked to take part; an officer decides. */
    APPLIED,
    /** Takes part: receives items, submits results, is scored. */
    ENROLLED,
    REJECTED,
    WITHDRAWN
}
