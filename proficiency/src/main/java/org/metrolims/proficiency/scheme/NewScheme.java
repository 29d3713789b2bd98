package org.metrolims.proficiency.scheme;

import org.metrolims.proficiency.PtInputException;

/** What an officer gives to set up a scheme. Checks that every field is there and sigma_pt fits its method. */
public record NewScheme(String code, String nameZh, String nameEn, String disciplineCode, String measurandZh,
        String measurandEn, String unit, String providerCode, AssignedValueMethod assignedValueMethod,
        SigmaPtMethod sigmaPtMethod, Double sigmaPt, SchemeScoreType scoreType) {

    public NewScheme {
        required(code, "code", 40);
        required(nameZh, "nameZh", 200);
        required(nameEn, "nameEn", 200);
        required(disciplineCode, "disciplineCode", 32);
        required(measurandZh, "measurandZh", 200);
        required(measurandEn, "measurandEn", 200);
        required(unit, "unit", 32);
        required(providerCode, "providerCode", 32);
        if (assignedValueMethod == null) {
            throw new PtInputException("assignedValueMethod", "is required");
        }
        if (sigmaPtMethod == null) {
            throw new PtInputException("sigmaPtMethod", "is required");
        }
        if (scoreType == null) {
            throw new PtInputException("scoreType", "is required");
        }
        if (sigmaPtMethod == SigmaPtMethod.FIXED) {
            PtInputException.requireStorable(sigmaPt, "sigmaPt");
            if (sigmaPt <= 0) {
                throw new PtInputException("sigmaPt", "must be greater than zero, got " + sigmaPt);
            }
        } else if (sigmaPt != null) {
            throw new PtInputException("sigmaPt", "is given only when sigmaPtMethod is FIXED");
        }
        if (sigmaPtMethod == SigmaPtMethod.HORWITZ && MassFraction.factorOf(unit).isEmpty()) {
            throw new PtInputException("unit", "sigma_pt by Horwitz needs a mass-fraction unit ("
                    + MassFraction.UNITS + "), got " + unit);
        }
    }

    private static void required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new PtInputException(field, "is required");
        }
        if (value.length() > maxLength) {
            throw new PtInputException(field, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && (field.equals("code") || c != '\n' && c != '\t'))) {
            throw new PtInputException(field, "must not contain control characters");
        }
    }
}
