package org.metrolims.calibration.interval;

import java.time.LocalDateTime;

/** A technician's decision on an interval recommendation. */
record IntervalDecision(String decision, int previousMonths, int recommendedMonths, String method, String reason,
        String decidedBy, LocalDateTime decidedAt) {
}
