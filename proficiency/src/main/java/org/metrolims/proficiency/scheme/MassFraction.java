package org.metrolims.proficiency.scheme;

import java.util.Map;
import java.util.Optional;

/**
 * Units of mass fraction that the Horwitz function (ISO 13528:2022 8.4) can take: a result in the unit times the
 * factor is a dimensionless mass fraction (1 mg/kg = 1e-6).
 */
public final class MassFraction {

    private static final Map<String, Double> FACTORS = Map.of(
            "%", 1e-2, "g/100g", 1e-2, "g/kg", 1e-3, "mg/kg", 1e-6, "ppm", 1e-6, "µg/kg", 1e-9, "ug/kg", 1e-9,
            "ppb", 1e-9, "ng/kg", 1e-12, "1", 1.0);

    /** The units accepted, for messages. */
    public static final String UNITS = "%, g/100g, g/kg, mg/kg, ppm, µg/kg, ppb, ng/kg, 1";

    private MassFraction() {
    }

    public static Optional<Double> factorOf(String unit) {
        return Optional.ofNullable(unit == null ? null : FACTORS.get(unit.strip()));
    }
}
