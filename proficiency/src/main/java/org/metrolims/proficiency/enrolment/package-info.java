/**
 * Who takes part in a PT round: officers enrol labs, labs apply and are enrolled or rejected, only labs whose
 * accreditation scope covers the scheme's discipline get in, and each gets a confidential lab code. {@link
 * org.metrolims.proficiency.enrolment.PtEnrolments} is the entry point.
 */
package org.metrolims.proficiency.enrolment;
