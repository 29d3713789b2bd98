package org.metrolims.calibration.standard;

import java.util.EnumSet;
import java.util.Set;

/** Level of a measurement standard in the province's hierarchy. */
public enum StandardLevel {
    NATIONAL,
    /** 省级社会公用计量标准 */
    PROVINCIAL_PUBLIC,
    /** 市级社会公用计量标准 */
    CITY_PUBLIC,
    /** 县级社会公用计量标准 */
    COUNTY_PUBLIC,
    /** 部门最高计量标准 */
    DEPARTMENTAL,
    /** 企事业单位最高计量标准 */
    ENTERPRISE;

    /** The levels that count towards the province's public-standard target (社会公用计量标准). */
    public static final Set<StandardLevel> PUBLIC = EnumSet.of(PROVINCIAL_PUBLIC, CITY_PUBLIC, COUNTY_PUBLIC);
}
