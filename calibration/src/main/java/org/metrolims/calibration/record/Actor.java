package org.metrolims.calibration.record;

import java.util.Objects;

/**
 * Who asks the calibration records for something, as the records need to know it (no Spring Security here).
 *
 * @param userId the user's id
 * @param username the user name written to the audit trail
 * @param organizationId the user's organization
 * @param organizationCode its code, the prefix of the calibration numbers it issues
 * @param technician whether the user may draft, submit and review calibrations of the organization
 * @param readsAll whether the user may read every calibration (accreditation officers, administrators)
 */
public record Actor(long userId, String username, long organizationId, String organizationCode, boolean technician,
        boolean readsAll) {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(organizationCode, "organizationCode");
    }
}
