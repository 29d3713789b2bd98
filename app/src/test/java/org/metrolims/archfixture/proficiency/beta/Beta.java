package org.metrolims.archfixture.proficiency.beta;

import org.metrolims.archfixture.proficiency.alpha.Alpha;

/** With {@link Alpha}, breaks "no cycles between feature packages". */
public class Beta {

    public Alpha back() {
        return new Alpha();
    }
}
