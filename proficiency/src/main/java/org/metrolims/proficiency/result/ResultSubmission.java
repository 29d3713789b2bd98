package org.metrolims.proficiency.result;

import org.metrolims.proficiency.PtInputException;

/**
 * A lab's result as submitted: the value with either its standard uncertainty u or its expanded uncertainty U with
 * the coverage factor k (or no uncertainty: then there is no zeta or E_n score), the method and remarks.
 */
public record ResultSubmission(Double value, Double standardUncertainty, Double expandedUncertainty,
        Double coverageFactor, String method, String remarks) {

    public ResultSubmission {
        PtInputException.requireStorable(value, "value");
        PtInputException.optionalNonNegative(standardUncertainty, "standardUncertainty");
        PtInputException.optionalNonNegative(expandedUncertainty, "expandedUncertainty");
        if (standardUncertainty != null && expandedUncertainty != null) {
            throw new PtInputException("expandedUncertainty",
                    "give either the standard uncertainty or the expanded uncertainty with k, not both");
        }
        if (expandedUncertainty != null && coverageFactor == null) {
            throw new PtInputException("coverageFactor", "is required with the expanded uncertainty");
        }
        if (coverageFactor != null) {
            if (expandedUncertainty == null) {
                throw new PtInputException("coverageFactor", "is given only with the expanded uncertainty");
            }
            if (!Double.isFinite(coverageFactor) || coverageFactor <= 0 || coverageFactor >= 1000) {
                throw new PtInputException("coverageFactor", "must be greater than 0 and below 1000, got "
                        + coverageFactor);
            }
        }
        if (method != null && method.length() > 200) {
            throw new PtInputException("method", "must be at most 200 characters");
        }
        if (remarks != null && remarks.length() > 1000) {
            throw new PtInputException("remarks", "must be at most 1000 characters");
        }
    }
}
