package org.metrolims.calibration.standard;

import org.metrolims.db.failure.Message;
import org.metrolims.db.failure.NotFound;

/**
 * No such record, or none the user may see: a lab asking for another organization's standard gets this too, so that
 * the record's existence is not revealed.
 */
public class RegistryNotFoundException extends NotFound {

    public RegistryNotFoundException(String what, Object id) {
        super(Message.of("failure.notFound.registry", "No " + what + " " + id, what, id));
    }
}
