package org.metrolims.db.reference;

import java.util.regex.Pattern;

/**
 * A GB/T 2260 administrative division code: two digits of province, two of city, two of county.
 * A province (350000) includes every code starting 35, a city (350200) every code starting 3502.
 */
public record RegionCode(String value) {

    private static final Pattern SIX_DIGITS = Pattern.compile("[1-9][0-9]{5}");

    public RegionCode {
        if (value == null || !SIX_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("a region code is six digits (GB/T 2260), e.g. 350000");
        }
    }

    public RegionLevel level() {
        if (value.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        return value.endsWith("00") ? RegionLevel.CITY : RegionLevel.COUNTY;
    }

    /** The prefix every code inside this region (itself included) starts with. */
    public String subtreePrefix() {
        return switch (level()) {
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            case COUNTY -> value;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
