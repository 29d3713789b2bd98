package org.metrolims.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.demo.DemoFixtures.ANCHOR;
import static org.metrolims.demo.DemoFixtures.SEED;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.metrolims.app.MetroLimsApplication;
import org.metrolims.app.TestDatabaseInitializer;
import org.metrolims.demo.DemoRows.DeliberateGap;
import org.metrolims.calibration.coverage.CoverageCalculator.DemandVerdict;
import org.metrolims.calibration.coverage.CoverageFigures;
import org.metrolims.calibration.coverage.CoverageMetrics;
import org.metrolims.calibration.coverage.CoverageStandard;
import org.metrolims.db.reference.RegionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The demo province at scale 1, as the application loads it for a user: its dashboard shows traceability coverage
 * below capability coverage, because some deliberately broken standards are the only ones of their region that can
 * serve some demand. Both figures are fixed by the seed.
 */
@SpringBootTest(classes = MetroLimsApplication.class, properties = {
        "lims.demo.enabled=true", "lims.demo.scale=1", "lims.demo.seed=" + SEED,
        "lims.demo.anchor-date=2026-11-01"})
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class DemoCoverageAtScaleOneTest {

    @Autowired CoverageMetrics metrics;

    @Test
    void traceabilityCoverageIsBelowCapabilityCoverageAtTheProvinceLevel() {
        CoverageFigures f = metrics.figures(ANCHOR, new RegionCode("350000"), Optional.empty());
        System.out.printf("scale 1 on %s: capability %d / %d, traceability %d / %d%n", ANCHOR,
                f.capabilityCoverage().numerator(), f.capabilityCoverage().denominator(),
                f.traceabilityCoverage().numerator(), f.traceabilityCoverage().denominator());
        assertThat(f.capabilityCoverage().denominator()).isEqualTo(1_141L);
        assertThat(f.capabilityCoverage().numerator()).isEqualTo(1_029L);
        assertThat(f.traceabilityCoverage().numerator()).isEqualTo(1_017L);
        assertThat(f.traceabilityCoverage().denominator()).isEqualTo(f.capabilityCoverage().denominator());
    }

    @Test
    void theCapableButUntraceableDemandIsServedOnlyByDeliberatelyBrokenStandards() {
        Set<String> gaps = DemoProvince.generate(SEED, 1, ANCHOR, "unused").deliberateGaps().stream()
                .map(DeliberateGap::standardCode).collect(Collectors.toSet());
        List<DemandVerdict> untraceable = metrics.demandBehind(ANCHOR, new RegionCode("350000"), Optional.empty())
                .stream().filter(v -> v.capable() && !v.traceable()).toList();
        assertThat(untraceable).isNotEmpty();
        assertThat(untraceable).allSatisfy(v -> assertThat(v.servedBy()).extracting(CoverageStandard::code)
                .isNotEmpty().allMatch(gaps::contains));
    }
}
