package org.metrolims.calibration.standard;

import java.time.LocalDate;

/**
 * How many measurement standards count on a date, against the province's targets.
 *
 * @param publicStandards     counting public standards at any level (target {@value #PUBLIC_TARGET})
 * @param provincialStandards counting provincial-level public standards (target {@value #PROVINCIAL_TARGET})
 */
public record StandardCount(LocalDate asOf, String regionCode, long publicStandards, long provincialStandards) {

    /** Provincial quality plan (2018 work plan, item 18): at least 2000 public standards. */
    public static final int PUBLIC_TARGET = 2000;
    /** ... of which 350 at provincial level. */
    public static final int PROVINCIAL_TARGET = 350;
}
