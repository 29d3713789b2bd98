package org.metrolims.archfixture.calibration.standard.internal;

/** A feature-internal helper: only the standard feature (its parent package) may use it. */
public final class StandardSerials {

    private StandardSerials() {
    }

    public static String next(String code) {
        return code + "-1";
    }
}
