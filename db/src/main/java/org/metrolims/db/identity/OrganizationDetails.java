package org.metrolims.db.identity;

import java.time.LocalDate;
import java.util.Optional;

/** What an administrator may set on an organization; checked by the organization administration. */
public record OrganizationDetails(String nameZh, String nameEn, String kind, long regionId, Optional<Long> parentId,
        Optional<String> addressZh, Optional<String> addressEn, Optional<String> accreditationNumber,
        Optional<LocalDate> accreditationValidUntil) {
}
