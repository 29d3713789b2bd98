package org.metrolims.archfixture.calibration.interval;

import org.springframework.transaction.annotation.Transactional;

/** The interval feature's entry point: Spring is allowed here (not maths), so it is not reported. */
public class IntervalAnalyses {

    @Transactional(readOnly = true)
    public double fit() {
        return 0;
    }
}
