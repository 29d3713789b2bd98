package org.metrolims.archfixture.calibration.standard;

import org.metrolims.archfixture.calibration.internal.SharedCodes;
import org.metrolims.archfixture.calibration.standard.internal.StandardSerials;

/** Keeps "internal packages are used only from their parent package": the module's and its own internals. */
public class Registry {

    public String register(String code) {
        return StandardSerials.next(code) + SharedCodes.id(code);
    }
}
