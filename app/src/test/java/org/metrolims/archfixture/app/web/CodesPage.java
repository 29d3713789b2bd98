package org.metrolims.archfixture.app.web;

import org.metrolims.archfixture.calibration.internal.SharedCodes;

/** Breaks "internal packages are used only from their parent package": the web module reaches into a module. */
public class CodesPage {

    public long show(String code) {
        return SharedCodes.id(code);
    }
}
