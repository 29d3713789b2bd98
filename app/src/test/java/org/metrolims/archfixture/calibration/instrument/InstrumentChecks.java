package org.metrolims.archfixture.calibration.instrument;

import org.metrolims.archfixture.calibration.internal.SharedCodes;
import org.metrolims.archfixture.calibration.standard.internal.StandardSerials;

/**
 * Breaks "internal packages are used only from their parent package" once: the module's internals are allowed, but
 * the standard feature's own internal package is not another feature's business.
 */
public class InstrumentChecks {

    public String check(String code) {
        return StandardSerials.next(code) + SharedCodes.id(code);
    }
}
