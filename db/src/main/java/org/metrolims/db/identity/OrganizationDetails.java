package org.metrolims.db.identity;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What an administrator may set on an organization; checked by the organization administration.
 *
 * @param contactEmail where certificates issued for the organization as a customer are e-mailed
 */
public record OrganizationDetails(String nameZh, String nameEn, String kind, long regionId, Optional<Long> parentId,
        Optional<String> addressZh, Optional<String> addressEn, Optional<String> accreditationNumber,
        Optional<LocalDate> accreditationValidUntil, Optional<String> contactEmail) {

    /** Without a contact e-mail. */
    public OrganizationDetails(String nameZh, String nameEn, String kind, long regionId, Optional<Long> parentId,
            Optional<String> addressZh, Optional<String> addressEn, Optional<String> accreditationNumber,
            Optional<LocalDate> accreditationValidUntil) {
        this(nameZh, nameEn, kind, regionId, parentId, addressZh, addressEn, accreditationNumber,
                accreditationValidUntil, Optional.empty());
    }
}
