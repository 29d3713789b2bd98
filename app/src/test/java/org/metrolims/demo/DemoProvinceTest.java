package org.metrolims.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.demo.DemoFixtures.ANCHOR;
import static org.metrolims.demo.DemoFixtures.SEED;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.demo.DemoRows.AssessmentCertificate;
import org.metrolims.demo.DemoRows.GapKind;
import org.metrolims.demo.DemoRows.Standard;

/** The generator alone, at full scale: no database, so the scale-1 figures can be checked cheaply. */
class DemoProvinceTest {

    static DemoProvince province;
    static long instruments;
    static long calibrations;
    static long points;
    static long externalCalibrations;
    static Set<String> serials = new HashSet<>();

    @BeforeAll
    static void generateScaleOne() {
        province = DemoProvince.generate(SEED, 1, ANCHOR, "hash");
        province.forEachInstrumentBatch(1000, batch -> {
            instruments += batch.instruments().size();
            calibrations += batch.calibrations().size();
            points += batch.points().size();
            externalCalibrations += batch.calibrations().stream().filter(c -> c.externalIssuer() != null).count();
            batch.instruments().forEach(i -> serials.add(i.manufacturer() + "|" + i.model() + "|" + i.serialNo()));
        });
    }

    @Test
    void makesAboutEighteenHundredPublicStandardsAtScaleOne() {
        Map<String, Long> byLevel = province.standards().stream()
                .collect(Collectors.groupingBy(Standard::level, TreeMap::new, Collectors.counting()));
        long publicStandards = byLevel.get("PROVINCIAL_PUBLIC") + byLevel.get("CITY_PUBLIC") + byLevel.get("COUNTY_PUBLIC");
        assertThat(publicStandards).isEqualTo(1800);
        assertThat(byLevel.get("PROVINCIAL_PUBLIC")).isEqualTo(332);
        assertThat(byLevel).containsKeys("DEPARTMENTAL", "ENTERPRISE").doesNotContainKey("NATIONAL");
    }

    @Test
    void fallsVisiblyShortOfThePlansTargetsOnTheAnchorDate() {
        List<Standard> counting = province.standards().stream()
                .filter(s -> s.level().endsWith("_PUBLIC") && s.status().equals("ACTIVE") && certifiedOnAnchor(s))
                .toList();
        long provincial = counting.stream().filter(s -> s.level().equals("PROVINCIAL_PUBLIC")).count();
        assertThat(counting.size()).isBetween(1600, 1780);
        assertThat(provincial).isBetween(290L, 330L);
    }

    @Test
    void makesAboutTwoHundredThousandCalibrationsWithOneToFivePointsEach() {
        assertThat(calibrations).isBetween(185_000L, 215_000L);
        assertThat(points).isBetween(calibrations, calibrations * 5);
        assertThat(instruments).isGreaterThan(96_000L);
        assertThat(externalCalibrations).isPositive();
    }

    @Test
    void givesEveryInstrumentItsOwnSerialNumber() {
        assertThat(serials).hasSize((int) instruments);
    }

    @Test
    void keepsReferenceDataTheSameAtEveryScale() {
        DemoProvince tiny = DemoProvince.generate(SEED, 0.01, ANCHOR, "hash");
        assertThat(tiny.regions()).isEqualTo(province.regions());
        assertThat(tiny.quantities()).isEqualTo(province.quantities());
        assertThat(tiny.instrumentTypes()).isEqualTo(province.instrumentTypes());
        assertThat(tiny.organizations()).isEqualTo(province.organizations());
        assertThat(tiny.users()).isEqualTo(province.users());
        assertThat(tiny.standards()).hasSizeBetween(10, 30);
    }

    @Test
    void claimsLargerUncertaintyAtEachLevelDownForEveryQuantity() {
        Map<Long, List<Standard>> byQuantity = province.standards().stream()
                .filter(s -> s.expandedUncertainty() != null)
                .collect(Collectors.groupingBy(Standard::quantityId));
        assertThat(byQuantity).hasSize(province.quantities().size());
        byQuantity.forEach((quantity, standards) -> {
            BigDecimal provincialMax = extreme(standards, "PROVINCIAL_PUBLIC", true);
            BigDecimal cityMin = extreme(standards, "CITY_PUBLIC", false);
            BigDecimal cityMax = extreme(standards, "CITY_PUBLIC", true);
            BigDecimal countyMin = extreme(standards, "COUNTY_PUBLIC", false);
            if (cityMin != null) {
                assertThat(provincialMax).as("quantity %d", quantity).isLessThan(cityMin);
            }
            if (cityMax != null && countyMin != null) {
                assertThat(cityMax).as("quantity %d", quantity).isLessThan(countyMin);
            }
        });
    }

    @Test
    void numbersEveryAssessmentCertificateUniquelyAndForFourYears() {
        List<AssessmentCertificate> certificates = province.assessmentCertificates();
        assertThat(certificates.stream().map(AssessmentCertificate::certificateNo).distinct().count())
                .isEqualTo(certificates.size());
        assertThat(certificates).allSatisfy(c ->
                assertThat(c.expiresOn()).isEqualTo(c.issuedOn().plusYears(4).minusDays(1)));
        assertThat(certificates.get(0).certificateNo()).matches("\\[\\d{4}][闽榕厦莆明泉漳南龙宁]量标证字第\\d{4,}号");
    }

    @Test
    void breaksAFewChainsOnPurposeAndSaysWhich() {
        Map<GapKind, Long> kinds = province.deliberateGaps().stream()
                .collect(Collectors.groupingBy(DemoRows.DeliberateGap::kind, Collectors.counting()));
        assertThat(kinds).containsEntry(GapKind.EXPIRED_LINK, 6L).containsEntry(GapKind.MISSING_LINK, 3L)
                .containsEntry(GapKind.EXPIRED_ROOT, 2L);
        assertThat(province.deliberateGaps()).allSatisfy(gap -> {
            Standard s = province.standards().stream().filter(x -> x.code().equals(gap.standardCode())).findFirst()
                    .orElseThrow();
            assertThat(s.status()).isEqualTo("ACTIVE");
            assertThat(certifiedOnAnchor(s)).as("%s still counts", s.code()).isTrue();
        });
    }

    @Test
    void refusesAScaleThatIsNotPositive() {
        assertThatThrownBy(() -> DemoProvince.generate(SEED, 0, ANCHOR, "hash"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean certifiedOnAnchor(Standard s) {
        return province.assessmentCertificates().stream().anyMatch(c -> c.standardId() == s.id()
                && !c.issuedOn().isAfter(ANCHOR) && !c.expiresOn().isBefore(ANCHOR));
    }

    private static BigDecimal extreme(List<Standard> standards, String level, boolean max) {
        return standards.stream().filter(s -> s.level().equals(level)).map(Standard::expandedUncertainty)
                .reduce((a, b) -> (a.compareTo(b) > 0) == max ? a : b).orElse(null);
    }
}
