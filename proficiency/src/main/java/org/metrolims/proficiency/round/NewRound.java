package org.metrolims.proficiency.round;

import org.metrolims.proficiency.PtInputException;

/**
 * What an officer gives to schedule a round.
 *
 * @param referenceValue       required when the scheme's assigned value is not a consensus, otherwise absent
 * @param referenceUncertainty the standard uncertainty of the reference value, with it
 */
public record NewRound(long schemeId, String code, RoundSchedule schedule, Double referenceValue,
        Double referenceUncertainty) {

    public NewRound {
        if (code == null || code.isBlank()) {
            throw new PtInputException("code", "is required");
        }
        if (code.length() > 40) {
            throw new PtInputException("code", "must be at most 40 characters");
        }
        if (code.chars().anyMatch(Character::isISOControl)) {
            throw new PtInputException("code", "must not contain control characters (NUL, CR, LF, tab …)");
        }
        if (schedule == null) {
            throw new PtInputException("schedule", "is required");
        }
        if (referenceValue != null) {
            PtInputException.requireStorable(referenceValue, "referenceValue");
        }
        PtInputException.optionalNonNegative(referenceUncertainty, "referenceUncertainty");
        if ((referenceValue == null) != (referenceUncertainty == null)) {
            throw new PtInputException(referenceValue == null ? "referenceValue" : "referenceUncertainty",
                    "the reference value and its uncertainty are given together");
        }
    }
}
