package org.metrolims.calibration.standard;

/**
 * The change cannot be made to the record as it is now: someone else changed it first (stale {@code version}), the
 * standard is retired, the instrument belongs to another standard. The API answers 409 with {@link #code()}.
 */
public class RegistryConflictException extends RuntimeException {

    /** The record was changed by someone else since the caller read it. */
    public static final String STALE_VERSION = "STALE_VERSION";

    private final String code;

    public RegistryConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public static RegistryConflictException stale(String what, long id, int version) {
        return new RegistryConflictException(STALE_VERSION, what + " " + id + " has changed since version " + version
                + " was read; read it again and repeat the change");
    }

    public String code() {
        return code;
    }
}
