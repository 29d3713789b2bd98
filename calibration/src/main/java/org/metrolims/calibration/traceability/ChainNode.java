package org.metrolims.calibration.traceability;

import java.util.Optional;

/**
 * A node of a drawn chain: a standard of the province, an external root (the issuer of an external certificate),
 * or a gap where a link is missing.
 *
 * @param key   unique within its chain: {@code S<id>} for a standard, {@code R<calibration id>} for an external
 *              root, {@code M<standard id>-<instrument id>} for a missing link
 * @param depth 0 for the standard asked about, growing towards the roots (the shortest path when shared)
 */
public record ChainNode(String key, Kind kind, Optional<Long> standardId, String label, Optional<String> level,
        Optional<Double> expandedUncertainty, Optional<String> unit, int depth) {

    public enum Kind { STANDARD, ROOT, MISSING }
}
