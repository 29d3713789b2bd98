package org.metrolims.archfixture.demo;

/** The demo's own bulk writer: used by its own package only, so not reported. */
public class DemoBulkRepository {

    public int count() {
        return 0;
    }
}
