package org.metrolims.calibration.standard;

import org.metrolims.db.reference.RegionCode;

/**
 * Which standards to list; every criterion is optional (null).
 *
 * @param region             the region and everything inside it (a city includes its counties)
 * @param expiringWithinDays only standards whose latest assessment certificate expires between today and today plus
 *                           this many days (already expired ones are not "expiring")
 * @param text               part of the code or of either name, any case
 */
public record StandardFilter(RegionCode region, String discipline, StandardLevel level, StandardStatus status,
        Integer expiringWithinDays, String text, StandardSort sort) {

    public static StandardFilter none() {
        return new StandardFilter(null, null, null, null, null, null, null);
    }

    public StandardSort sortOrDefault() {
        return sort == null ? StandardSort.CODE : sort;
    }
}
