package org.metrolims.app.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The trend chart's tick labels: as many decimals as the tick step needs, no float noise. */
final class InstrumentNumbers {

    private InstrumentNumbers() {
    }

    static String tick(double v, double step) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        BigDecimal b = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
        return b.signum() == 0 ? "0" : b.toPlainString();
    }
}
