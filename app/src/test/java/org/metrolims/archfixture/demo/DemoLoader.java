package org.metrolims.archfixture.demo;

/** Writes through the demo's own bulk writer (its own package): allowed. */
public class DemoLoader {

    public int load(DemoBulkRepository bulk) {
        return bulk.count();
    }
}
