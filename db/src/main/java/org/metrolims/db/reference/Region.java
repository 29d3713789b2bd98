package org.metrolims.db.reference;

/** A province, city or county, with the code of the region above it (null for the province). */
public record Region(long id, String code, String nameZh, String nameEn, RegionLevel level, String parentCode) {
}
