package org.metrolims.proficiency.enrolment;

import java.time.LocalDate;

/** An organization whose accreditation scope covers a discipline, as an officer picks it to enrol (officers only). */
public record EligibleLab(long id, String code, String nameZh, String nameEn, LocalDate accreditationValidUntil) {
}
