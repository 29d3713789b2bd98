package org.metrolims.calibration.internal;

import java.util.Map;

/**
 * The reference data the registry's codes name, ids by code, read whole once per import: the standards and the
 * instruments registers both check their rows against it.
 */
public record ReferenceCodes(Map<String, Long> disciplines, Map<String, QuantityRef> quantities,
        Map<String, Long> organizations, Map<String, Long> regions, Map<String, Long> instrumentTypes) {

    public ReferenceCodes {
        disciplines = Map.copyOf(disciplines);
        quantities = Map.copyOf(quantities);
        organizations = Map.copyOf(organizations);
        regions = Map.copyOf(regions);
        instrumentTypes = Map.copyOf(instrumentTypes);
    }

    /** A quantity and the discipline it belongs to. */
    public record QuantityRef(long id, String discipline) {
    }
}
