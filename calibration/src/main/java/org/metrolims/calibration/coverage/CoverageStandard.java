package org.metrolims.calibration.coverage;

import java.util.Optional;

/** A public standard as the coverage figures need it: where it is, what it measures and how well. */
public record CoverageStandard(long id, String code, String level, String regionCode, long quantityId,
        String disciplineCode, Optional<Double> rangeLow, Optional<Double> rangeHigh, String unit,
        Optional<Double> expandedUncertainty) {

    /**
     * Whether this standard can serve the demand: same quantity and unit, its range covers the demanded range, its
     * expanded uncertainty is no larger than the one needed, and it stands in the demand's region (a county's
     * demand is served by standards in that county, a city's by standards in the city or its counties, the
     * province's by any). A standard stating only an accuracy class serves nothing here: it cannot be compared.
     */
    public boolean canServe(CapabilityDemand d) {
        return measuresFor(d) && regionCode.startsWith(CoverageCalculator.subtreePrefix(d.regionCode()));
    }

    /** {@link #canServe} but for where it stands: for a caller that has picked the demand's region already. */
    boolean measuresFor(CapabilityDemand d) {
        return quantityId == d.quantityId() && measures(unit, rangeLow.orElse(Double.NaN),
                rangeHigh.orElse(Double.NaN), expandedUncertainty.orElse(Double.NaN), d);
    }

    /**
     * The serving rule on a standard's unit, range and U, NaN for a value it does not state (no comparison passes
     * NaN, so such a standard serves nothing): for the calculator's column scan, which keeps them unboxed.
     */
    static boolean measures(String unit, double low, double high, double u, CapabilityDemand d) {
        return low <= d.rangeLow() && high >= d.rangeHigh() && u <= d.neededUncertainty() && unit.equals(d.unit());
    }
}
