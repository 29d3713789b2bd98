package org.metrolims.calibration.record;

import org.metrolims.db.failure.Message;
import org.metrolims.db.failure.NotFound;

/** No calibration with this id, or none the asker may see (the two are not told apart). */
public class CalibrationNotFoundException extends NotFound {

    public CalibrationNotFoundException(long id) {
        super(Message.of("failure.notFound.calibration", "no calibration " + id, id));
    }
}
