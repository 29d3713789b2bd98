package org.metrolims.calibration.schedule;

import org.metrolims.db.failure.InvalidInput;

/** Bad input to the schedules (a negative horizon, an interval of zero months, a negative capacity); names the field. */
public class ScheduleInputException extends InvalidInput {

    public ScheduleInputException(String field, String message) {
        super(field, field + " " + message);
    }
}
