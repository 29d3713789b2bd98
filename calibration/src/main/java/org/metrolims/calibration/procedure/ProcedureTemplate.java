package org.metrolims.calibration.procedure;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A procedure template of an organization with all its versions, newest first.
 *
 * @param currentVersion the number of the version a new calibration uses
 * @param retiredAt when it was retired (no longer offered, no longer edited); null while in use
 */
public record ProcedureTemplate(long id, long organizationId, String code, int currentVersion,
        LocalDateTime retiredAt, List<ProcedureVersion> versions) {

    public ProcedureTemplate {
        versions = List.copyOf(versions);
    }

    public boolean retired() {
        return retiredAt != null;
    }

    /** The version a new calibration uses. */
    public ProcedureVersion current() {
        return version(currentVersion);
    }

    /** The version with this number. */
    public ProcedureVersion version(int versionNo) {
        return versions.stream().filter(v -> v.versionNo() == versionNo).findFirst()
                .orElseThrow(() -> new ProcedureNotFoundException("version " + versionNo + " of " + code));
    }
}
