package org.metrolims.calibration.procedure;

import org.metrolims.db.failure.Message;
import org.metrolims.db.failure.NotFound;

/** No such procedure template or version, or one of another organization (the two are not told apart). */
public class ProcedureNotFoundException extends NotFound {

    public ProcedureNotFoundException(String what) {
        super(Message.of("failure.notFound.procedure", "no procedure template " + what, what));
    }
}
