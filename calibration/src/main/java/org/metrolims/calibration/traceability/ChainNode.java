package org.metrolims.calibration.traceability;

import java.util.Optional;
import org.metrolims.calibration.traceability.scheme.SchemeStanding;

/**
 * A node of a drawn chain: a standard of the province, an external root (the issuer of an external certificate),
 * or a gap where a link is missing.
 *
 * @param key    unique within its chain: {@code S<id>} for a standard, {@code R<calibration id>} for an external
 *               root, {@code M<standard id>-<instrument id>} for a missing link
 * @param depth  0 for the standard asked about, growing towards the roots (the shortest path when shared)
 * @param scheme for a standard, where it stands in its quantity's verification scheme (检定系统表), when asked for
 */
public record ChainNode(String key, Kind kind, Optional<Long> standardId, String label, Optional<String> level,
        Optional<Double> expandedUncertainty, Optional<String> unit, int depth, Optional<SchemeStanding> scheme) {

    public enum Kind { STANDARD, ROOT, MISSING }

    /** A node without its scheme standing (the chain analysis does not judge schemes). */
    public ChainNode(String key, Kind kind, Optional<Long> standardId, String label, Optional<String> level,
            Optional<Double> expandedUncertainty, Optional<String> unit, int depth) {
        this(key, kind, standardId, label, level, expandedUncertainty, unit, depth, Optional.empty());
    }

    public ChainNode withScheme(SchemeStanding standing) {
        return new ChainNode(key, kind, standardId, label, level, expandedUncertainty, unit, depth,
                Optional.of(standing));
    }
}
