package org.metrolims.calibration.standard;

/** The user may see the record but not change it (only its owner's technicians and administrators may). */
public class RegistryForbiddenException extends RuntimeException {

    public RegistryForbiddenException(String message) {
        super(message);
    }
}
