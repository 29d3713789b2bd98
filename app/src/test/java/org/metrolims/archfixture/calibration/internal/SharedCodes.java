package org.metrolims.archfixture.calibration.internal;

/** A module-internal helper: the calibration features may share it, nobody outside the module may. */
public final class SharedCodes {

    private SharedCodes() {
    }

    public static long id(String code) {
        return code.hashCode();
    }
}
