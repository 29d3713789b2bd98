package org.metrolims.db.reference;

/** The three GB/T 2260 levels MetroLIMS reports by. */
public enum RegionLevel {
    PROVINCE, CITY, COUNTY
}
