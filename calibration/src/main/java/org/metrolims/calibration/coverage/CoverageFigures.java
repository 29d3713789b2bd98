package org.metrolims.calibration.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The province's four figures on a date, for a region subtree and optionally one discipline. */
public record CoverageFigures(LocalDate asOf, String region, Optional<String> discipline, Figure publicStandards,
        Figure provincialStandards, Figure traceabilityCoverage, Figure capabilityCoverage) {

    public List<Figure> all() {
        return List.of(publicStandards, provincialStandards, traceabilityCoverage, capabilityCoverage);
    }
}
