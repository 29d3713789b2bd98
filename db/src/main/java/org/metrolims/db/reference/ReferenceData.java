package org.metrolims.db.reference;

import java.util.Optional;
import org.metrolims.db.Page;
import org.metrolims.db.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The reference data every other feature refers to, read only: GB/T 2260 regions and the metrology disciplines
 * (organizations are {@code db.identity.Organizations}). The entry point of {@code db.reference}; its repositories stay inside the package.
 */
@Service
public class ReferenceData {

    private final RegionRepository regions;
    private final DisciplineRepository disciplines;

    ReferenceData(RegionRepository regions, DisciplineRepository disciplines) {
        this.regions = regions;
        this.disciplines = disciplines;
    }

    /** Regions in code order, of a level and inside a region if given (a city includes its counties). */
    public Page<Region> regions(Optional<RegionLevel> level, Optional<RegionCode> within, PageRequest page) {
        return regions.find(level, within, page);
    }

    /** The metrology disciplines with their quantities and SI units. */
    public Page<Discipline> disciplines(PageRequest page) {
        return disciplines.find(page);
    }
}
