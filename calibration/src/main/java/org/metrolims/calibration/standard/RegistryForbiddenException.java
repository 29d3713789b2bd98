package org.metrolims.calibration.standard;

import org.metrolims.db.failure.Forbidden;

/** The user may see the record but not change it (only its owner's technicians and administrators may). */
public class RegistryForbiddenException extends Forbidden {

    public RegistryForbiddenException(String message) {
        super(message);
    }
}
