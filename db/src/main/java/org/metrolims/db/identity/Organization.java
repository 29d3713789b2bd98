package org.metrolims.db.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * An organization with its region and, for accredited labs, its accreditation and scope.
 *
 * @param scope codes of the disciplines the organization is accredited or authorised for
 */
public record Organization(long id, String code, String nameZh, String nameEn, OrganizationKind kind,
        String regionCode, String accreditationNumber, LocalDate accreditationValidUntil, List<String> scope) {

    public Organization {
        scope = List.copyOf(scope);
    }
}
