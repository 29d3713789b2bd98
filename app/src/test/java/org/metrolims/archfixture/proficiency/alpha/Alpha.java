package org.metrolims.archfixture.proficiency.alpha;

import org.metrolims.archfixture.proficiency.beta.Beta;

/** With {@link Beta}, breaks "no cycles between feature packages": alpha → beta → alpha. */
public class Alpha {

    public Beta next() {
        return new Beta();
    }
}
