package org.metrolims.db.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An organization as its administrators see it: identity, kind, where it is, its accreditation and the disciplines of
 * its accreditation or authorisation scope (codes, sorted), and the contact e-mail certificates are sent to.
 */
public record OrganizationRow(long id, String code, String nameZh, String nameEn, String kind, String regionCode,
        String regionNameZh, String regionNameEn, Optional<String> parentCode, Optional<String> addressZh,
        Optional<String> addressEn, Optional<String> accreditationNumber, Optional<LocalDate> accreditationValidUntil,
        boolean active, List<String> scope, Optional<String> contactEmail) {
}
