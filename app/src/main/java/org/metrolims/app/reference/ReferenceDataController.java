package org.metrolims.app.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import org.metrolims.app.api.ApiPage;
import org.metrolims.db.PageRequest;
import org.metrolims.db.identity.Organization;
import org.metrolims.db.identity.OrganizationKind;
import org.metrolims.db.identity.Organizations;
import org.metrolims.db.reference.Discipline;
import org.metrolims.db.reference.ReferenceData;
import org.metrolims.db.reference.Region;
import org.metrolims.db.reference.RegionCode;
import org.metrolims.db.reference.RegionLevel;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read API for the reference data every other feature refers to. */
@RestController
@RequestMapping("/api")
@Tag(name = "Reference data", description = "Regions (GB/T 2260), organizations, metrology disciplines")
class ReferenceDataController {

    private final ReferenceData reference;
    private final Organizations organizations;

    ReferenceDataController(ReferenceData reference, Organizations organizations) {
        this.reference = reference;
        this.organizations = organizations;
    }

    @GetMapping("/regions")
    @Operation(summary = "Regions in code order; a city includes its counties")
    @Transactional(readOnly = true)
    ApiPage<Region> regions(
            @Parameter(description = "PROVINCE, CITY or COUNTY") @RequestParam Optional<RegionLevel> level,
            @Parameter(description = "only regions inside this GB/T 2260 code, e.g. 350200")
                    @RequestParam Optional<RegionCode> within,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return ApiPage.of(reference.regions(level, within, new PageRequest(page, size)));
    }

    @GetMapping("/organizations")
    @Operation(summary = "Institutes, accredited labs, enterprises and authorities in code order")
    @Transactional(readOnly = true)
    ApiPage<Organization> organizations(
            @Parameter(description = "AUTHORITY, INSTITUTE, ACCREDITED_LAB or ENTERPRISE")
                    @RequestParam Optional<OrganizationKind> kind,
            @Parameter(description = "only organizations inside this GB/T 2260 region, e.g. 350200")
                    @RequestParam Optional<RegionCode> region,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return ApiPage.of(organizations.find(kind, region, new PageRequest(page, size)));
    }

    @GetMapping("/disciplines")
    @Operation(summary = "The ten metrology disciplines with their quantities and SI units")
    @Transactional(readOnly = true)
    ApiPage<Discipline> disciplines(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
        return ApiPage.of(reference.disciplines(new PageRequest(page, size)));
    }
}
