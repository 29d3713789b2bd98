package org.metrolims.archfixture.calibration.uncertainty;

import org.springframework.util.Assert;

/** Breaks "the maths uses neither Spring nor jOOQ": an uncertainty budget calling Spring. */
public class SpringyBudget {

    public double combined(double[] u) {
        Assert.notEmpty(new Object[] {u}, "components");
        double sum = 0;
        for (double x : u) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
