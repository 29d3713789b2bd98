package org.metrolims.calibration.schedule;

/** Bad input to the schedules (a negative horizon, an interval of zero months, a negative capacity); names the field. */
public class ScheduleInputException extends IllegalArgumentException {

    private final String field;

    public ScheduleInputException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
