package org.metrolims.calibration.standard;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, as the registry's rules need it. Technicians of the owning organization and administrators write;
 * officers, administrators and technicians read every organization's records; a lab reads only its own.
 *
 * @param username       recorded as the actor of the audit trail
 * @param organizationId the user's organization
 * @param admin          writes and reads everything
 * @param technician     writes the records of its own organization
 * @param readsAll       reads every organization's records
 */
public record RegistryUser(String username, long organizationId, boolean admin, boolean technician,
        boolean readsAll) {

    public RegistryUser {
        Objects.requireNonNull(username, "username");
    }

    public boolean canRead(long ownerOrganizationId) {
        return admin || readsAll || organizationId == ownerOrganizationId;
    }

    /**
     * Whether the user may address a change to a record of this owner at all: administrators any, everyone else only
     * their own organization's. To anyone else another organization's record is "not found", for writes as for reads.
     */
    public boolean reachesForWrite(long ownerOrganizationId) {
        return admin || organizationId == ownerOrganizationId;
    }

    public boolean canWrite(long ownerOrganizationId) {
        return admin || (technician && organizationId == ownerOrganizationId);
    }

    /** The only organization whose records this user may see, or empty when it sees all. */
    public Optional<Long> readScope() {
        return admin || readsAll ? Optional.empty() : Optional.of(organizationId);
    }
}
