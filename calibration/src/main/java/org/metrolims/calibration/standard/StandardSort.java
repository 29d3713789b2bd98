package org.metrolims.calibration.standard;

/** Orders of the standards list; ties are broken by code. */
public enum StandardSort {
    CODE,
    NAME,
    /** latest assessment certificate's expiry, soonest first; standards without one last */
    CERTIFICATE_EXPIRY
}
