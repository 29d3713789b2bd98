package org.metrolims.archfixture.calibration.interval;

import org.jooq.Field;
import org.jooq.impl.DSL;

/** Breaks "the maths uses neither Spring nor jOOQ": an interval model building SQL. */
public class QueryingModel {

    public Field<Integer> months() {
        return DSL.field("interval_months", Integer.class);
    }
}
