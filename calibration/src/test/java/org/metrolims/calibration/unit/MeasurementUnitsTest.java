package org.metrolims.calibration.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasurementUnitsTest {

    @Test
    void readsTheUnitsCalibrationsUse() {
        for (String symbol : new String[] {"kg", "mm", "µm", "um", "°C", "kPa", "m/s^2", "m^3", "m·s^-1", "m²"}) {
            assertThat(MeasurementUnits.parse(symbol)).as(symbol).isPresent();
            assertThat(MeasurementUnits.problem(symbol)).as(symbol).isEmpty();
        }
    }

    @Test
    void readsTheLitreWrittenAsLabsWriteIt() {
        // L is the litre's symbol beside l (SI Brochure, table 8); the demo's chemistry instruments are in mol/L
        for (String symbol : new String[] {"mol/L", "mol/l", "L", "mL", "µL", "uL", "g/L", "mg/L", "L/min"}) {
            assertThat(MeasurementUnits.parse(symbol)).as(symbol).isPresent();
        }
        assertThat(MeasurementUnits.parse("mL")).isEqualTo(MeasurementUnits.parse("ml"));
        assertThat(MeasurementUnits.parse("mol/L")).isEqualTo(MeasurementUnits.parse("mol/l"));
    }

    @Test
    void refusesAHugeExponentWithoutRecursingIntoIt() {
        for (String symbol : new String[] {"kg^999999", "kg^-999999", "m^10", "m^(1/9999999)", "m²²²²²²²²²²"}) {
            assertThat(MeasurementUnits.problem(symbol)).as(symbol).hasValue("a unit's exponents are at most 9");
            assertThat(MeasurementUnits.parse(symbol)).as(symbol).isEmpty();
        }
    }

    @Test
    void refusesALongChainBeforeTheParserSeesIt() {
        String chain = "m" + "/m".repeat(5_000);
        assertThat(MeasurementUnits.problem(chain)).hasValue("a unit symbol has at most 32 characters, got 10001");
        assertThat(MeasurementUnits.parse(chain)).isEmpty();
    }
}
