package org.metrolims.proficiency.scheme;

/**
 * A PT scheme: what is measured, in which discipline and unit, and how x_pt, sigma_pt and the reported score are set.
 *
 * @param disciplineCode code of the metrology discipline; only labs accredited for it may enrol
 * @param sigmaPt   sigma_pt when {@code sigmaPtMethod} is FIXED, otherwise null
 */
public record Scheme(long id, String code, String nameZh, String nameEn, String disciplineCode, String measurandZh,
        String measurandEn, String unit, String providerCode, AssignedValueMethod assignedValueMethod,
        SigmaPtMethod sigmaPtMethod, Double sigmaPt, SchemeScoreType scoreType) {
}
