package org.metrolims.calibration.standard;

import org.metrolims.db.failure.Conflict;

/**
 * The change cannot be made to the record as it is now: someone else changed it first (stale {@code version}), the
 * standard is retired, the instrument belongs to another standard. The API answers 409 with {@link #code()}.
 */
public class RegistryConflictException extends Conflict {

    public RegistryConflictException(String code, String message) {
        super(code, message);
    }

    public static RegistryConflictException stale(String what, long id, int version) {
        return new RegistryConflictException(STALE_VERSION, what + " " + id + " has changed since version " + version
                + " was read; read it again and repeat the change");
    }
}
