package org.metrolims.app.coverage;

import java.util.List;
import java.util.Optional;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.security.Role;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.db.failure.Forbidden;
import org.metrolims.db.failure.InvalidInput;
import org.springframework.stereotype.Component;

/** Who sees what: officers, administrators and technicians see the province's coverage; labs do not. */
@Component
class CoverageAccess {

    private final CoverageMetrics metrics;

    CoverageAccess(CoverageMetrics metrics) {
        this.metrics = metrics;
    }

    static boolean seesCoverage(MetroLimsUser user) {
        return user.hasRole(Role.OFFICER) || user.hasRole(Role.ADMIN) || user.hasRole(Role.TECHNICIAN);
    }

    static void requireCoverage(MetroLimsUser user) {
        if (!seesCoverage(user)) {
            throw new Forbidden("Coverage figures are for officers, administrators and technicians");
        }
    }

    static void requireDemandWriter(MetroLimsUser user) {
        if (!(user.hasRole(Role.OFFICER) || user.hasRole(Role.ADMIN))) {
            throw new Forbidden("Demand is recorded by officers and administrators");
        }
    }

    /** The discipline asked for, checked against the reference data. */
    Optional<String> discipline(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        List<String> known = metrics.disciplines();
        if (!known.contains(code)) {
            throw new InvalidInput("discipline", "'" + code + "' is not one of " + known);
        }
        return Optional.of(code);
    }
}
