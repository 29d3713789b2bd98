package org.metrolims.calibration.standard;

/**
 * No such record, or none the user may see: a lab asking for another organization's standard gets this too, so that
 * the record's existence is not revealed.
 */
public class RegistryNotFoundException extends RuntimeException {

    public RegistryNotFoundException(String what, Object id) {
        super("No " + what + " " + id);
    }
}
