package org.metrolims.calibration.traceability.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.traceability.scheme.SchemeLevel.BandKind;

/** The level check against small hand-made schemes, with the edges, units and claims spelt out. */
class SchemeCheckTest {

    /** A mass scheme with relative bands (U over the top of the range), claimed by class. */
    static final VerificationScheme MASS = new VerificationScheme(1, "JJG 2053-2016", "质量", "Mass", "MASS", List.of(
            level(11, 1, "PRIMARY", BandKind.RELATIVE, 0, 5e-8, null, null),
            level(12, 2, "E1", BandKind.RELATIVE, 5e-8, 4e-7, null, "E1"),
            level(13, 3, "E2", BandKind.RELATIVE, 4e-7, 8e-7, null, "E2"),
            level(14, 4, "F1", BandKind.RELATIVE, 8e-7, 2.5e-6, null, "F1")));

    /** A gauge-block scheme with absolute bands in micrometres; listed out of order on purpose. */
    static final VerificationScheme LENGTH = new VerificationScheme(2, "JJG 2056-1990", "量块", "Gauge blocks",
            "LENGTH", List.of(
                    level(23, 3, "GRADE_3", BandKind.ABSOLUTE, 0.7, 1.4, "µm", null),
                    level(21, 1, "PRIMARY", BandKind.ABSOLUTE, 0, 0.05, "µm", null),
                    level(22, 2, "GRADE_2", BandKind.ABSOLUTE, 0.05, 0.7, "µm", null)));

    /** A mass scheme stated in absolute milligrams, to compare a standard stating U in grams. */
    static final VerificationScheme MASS_MG = new VerificationScheme(3, "MG", "质量", "Mass", "MASS", List.of(
            level(31, 1, "TOP", BandKind.ABSOLUTE, 0, 0.1, "mg", null),
            level(32, 2, "MIDDLE", BandKind.ABSOLUTE, 0.1, 1, "mg", null),
            level(33, 3, "BOTTOM", BandKind.ABSOLUTE, 1, 10, "mg", null)));

    final SchemeCheck check = new SchemeCheck(List.of(MASS, LENGTH));

    static SchemeLevel level(long id, int tier, String code, BandKind kind, double low, double high, String unit,
            String accuracyClass) {
        return new SchemeLevel(id, tier, code, code, code, kind, low, high, Optional.ofNullable(unit),
                Optional.ofNullable(accuracyClass));
    }

    static SchemeSubject mass(long id, Double u, String accuracyClass) {
        return new SchemeSubject(id, "M-" + id, "MASS", "kg", u == null ? OptionalDouble.empty() : OptionalDouble.of(u),
                OptionalDouble.of(50), Optional.ofNullable(accuracyClass), Optional.empty());
    }

    static SchemeSubject length(long id, String unit, double u) {
        return new SchemeSubject(id, "L-" + id, "LENGTH", unit, OptionalDouble.of(u), OptionalDouble.of(1),
                Optional.empty(), Optional.empty());
    }

    @Test
    void aStandardWhoseUncertaintyFallsInItsClaimedClassBandIsOk() {
        // 1.5e-5 kg over 50 kg = 3e-7, inside E1's (5e-8, 4e-7]
        SchemeStanding s = check.check(mass(1, 1.5e-5, "E1"), List.of());
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.OK);
        assertThat(s.level()).contains("E1");
        assertThat(s.tier()).contains(2);
        assertThat(s.claimedLevel()).contains("E1");
        assertThat(s.scheme()).contains("JJG 2053-2016");
    }

    @Test
    void anUncertaintyExactlyOnAnUpperEdgeBelongsToThatLevelAndJustAboveToTheNext() {
        // 2e-5 kg / 50 kg = 4e-7 exactly: E1's upper limit, so E1
        assertThat(check.check(mass(1, 2e-5, "E1"), List.of()).verdict()).isEqualTo(SchemeVerdict.OK);
        // one part in a million above the limit: E2's
        SchemeStanding above = check.check(mass(2, 2.00002e-5, "E1"), List.of());
        assertThat(above.verdict()).isEqualTo(SchemeVerdict.MISPLACED);
        assertThat(above.belongsTo()).contains("E2");
        assertThat(above.level()).contains("E2");
        assertThat(above.reason()).contains("claims E1").contains("E2");
    }

    @Test
    void aClaimOfABetterLevelThanTheUncertaintySupportsIsMisplacedAndNamesTheRightLevel() {
        // 6e-7 relative is E2, while the class claims E1
        SchemeStanding s = check.check(mass(1, 3e-5, "E1"), List.of());
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.MISPLACED);
        assertThat(s.claimedLevel()).contains("E1");
        assertThat(s.belongsTo()).contains("E2");
    }

    @Test
    void anExplicitClaimOverridesTheAccuracyClass() {
        SchemeSubject claimsE2 = new SchemeSubject(1, "M-1", "MASS", "kg", OptionalDouble.of(3e-5),
                OptionalDouble.of(50), Optional.of("E1"), Optional.of(13L));
        assertThat(check.check(claimsE2, List.of()).verdict()).isEqualTo(SchemeVerdict.OK);
    }

    @Test
    void anUncertaintyOutsideEveryBandIsMisplacedWithoutALevelToName() {
        // 2e-4 kg / 50 kg = 4e-6, worse than F1's 2.5e-6
        SchemeStanding s = check.check(mass(1, 2e-4, null), List.of());
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.MISPLACED);
        assertThat(s.belongsTo()).isEmpty();
        assertThat(s.reason()).contains("no level");
    }

    @Test
    void withoutAnUncertaintyTheStandardSitsAtTheLevelItsClassClaims() {
        SchemeStanding s = check.check(mass(1, null, "f1"), List.of());
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.OK);
        assertThat(s.level()).contains("F1");
    }

    @Test
    void noSchemeForTheQuantityOrNothingToPlaceItBy() {
        SchemeSubject torque = new SchemeSubject(1, "T-1", "TORQUE", "N·m", OptionalDouble.of(0.1),
                OptionalDouble.of(100), Optional.empty(), Optional.empty());
        assertThat(check.check(torque, List.of()).verdict()).isEqualTo(SchemeVerdict.NO_SCHEME);
        assertThat(check.check(mass(2, null, null), List.of()).verdict()).isEqualTo(SchemeVerdict.NO_SCHEME);
        SchemeSubject noRange = new SchemeSubject(3, "M-3", "MASS", "kg", OptionalDouble.of(1e-5),
                OptionalDouble.empty(), Optional.empty(), Optional.empty());
        SchemeStanding s = check.check(noRange, List.of());
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.NO_SCHEME);
        assertThat(s.reason()).contains("range");
    }

    @Test
    void absoluteBandsConvertTheStandardsUnitIncludingAnEdgeReachedThroughConversion() {
        // 0.4 µm stated in metres
        assertThat(check.check(length(1, "m", 4e-7), List.of()).level()).contains("GRADE_2");
        // 7e-7 m is 0.7 µm, GRADE_2's upper limit, although 7e-7 * 1e6 is not exactly 0.7 in binary
        assertThat(check.check(length(2, "m", 7e-7), List.of()).level()).contains("GRADE_2");
        assertThat(check.check(length(3, "mm", 0.0007), List.of()).level()).contains("GRADE_2");
        assertThat(check.check(length(4, "nm", 700.1), List.of()).level()).contains("GRADE_3");
        // the same uncertainty in micrometres, typed with the Greek mu or a u
        assertThat(check.check(length(5, "μm", 0.9), List.of()).level()).contains("GRADE_3");
        assertThat(check.check(length(6, "um", 0.03), List.of()).level()).contains("PRIMARY");
    }

    @Test
    void milligramsAndGramsCompareAfterConversion() {
        SchemeCheck mg = new SchemeCheck(List.of(MASS_MG));
        SchemeSubject grams = new SchemeSubject(1, "G-1", "MASS", "g", OptionalDouble.of(0.0005),
                OptionalDouble.of(1), Optional.empty(), Optional.empty());
        assertThat(mg.check(grams, List.of()).level()).contains("MIDDLE");
        SchemeSubject edge = new SchemeSubject(2, "G-2", "MASS", "g", OptionalDouble.of(0.001),
                OptionalDouble.of(1), Optional.empty(), Optional.empty());
        assertThat(mg.check(edge, List.of()).level()).contains("MIDDLE");
        SchemeSubject kilograms = new SchemeSubject(3, "K-3", "MASS", "kg", OptionalDouble.of(2e-6),
                OptionalDouble.of(1), Optional.empty(), Optional.empty());
        assertThat(mg.check(kilograms, List.of()).level()).contains("BOTTOM");
    }

    @Test
    void aUnitOfAnotherDimensionCannotBePlaced() {
        SchemeStanding s = check.check(length(1, "kg", 1e-6), List.of());
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.NO_SCHEME);
        assertThat(s.reason()).contains("cannot be converted");
    }

    @Test
    void relativeAndAbsoluteBandsGiveTheSameLevelForTheSameStandard() {
        // 0.5 µm on a 1 m range is 5e-7 relative; a relative copy of the length scheme agrees with the absolute one
        VerificationScheme relative = new VerificationScheme(4, "REL", "量块", "Gauge blocks", "LENGTH", List.of(
                level(41, 1, "PRIMARY", BandKind.RELATIVE, 0, 5e-8, null, null),
                level(42, 2, "GRADE_2", BandKind.RELATIVE, 5e-8, 7e-7, null, null),
                level(43, 3, "GRADE_3", BandKind.RELATIVE, 7e-7, 1.4e-6, null, null)));
        for (double u : new double[] {3e-8, 5e-7, 7e-7, 1.2e-6}) {
            assertThat(new SchemeCheck(List.of(relative)).check(length(1, "m", u), List.of()).level())
                    .as("U = " + u).isEqualTo(check.check(length(1, "m", u), List.of()).level());
        }
    }

    @Test
    void aReferenceAtTheSameLevelOrLowerIsNotHigher() {
        SchemeSubject e2 = mass(1, 3e-5, "E2");
        SchemeSubject otherE2 = mass(2, 2.5e-5, null);
        SchemeSubject f1 = mass(3, 1e-4, null);
        SchemeSubject e1 = mass(4, 1.5e-5, "E1");
        SchemeStanding s = check.check(e2, List.of(e1, otherE2, f1));
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.REFERENCE_NOT_HIGHER);
        assertThat(s.referencesNotHigher()).containsExactly("M-2", "M-3");
        assertThat(check.check(e2, List.of(e1)).verdict()).isEqualTo(SchemeVerdict.OK);
    }

    @Test
    void referencesOfAnotherQuantityAreNotCompared() {
        assertThat(check.check(mass(1, 3e-5, "E2"), List.of(length(9, "m", 9e-7))).verdict())
                .isEqualTo(SchemeVerdict.OK);
    }

    @Test
    void aMisplacedStandardStillListsItsReferencesThatAreNotHigher() {
        SchemeStanding s = check.check(mass(1, 3e-5, "E1"), List.of(mass(2, 3e-5, null)));
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.MISPLACED);
        assertThat(s.referencesNotHigher()).containsExactly("M-2");
    }

    @Test
    void emptyOrAbsoluteBandsWithoutUnitAreRejected() {
        assertThatThrownBy(() -> level(1, 1, "X", BandKind.RELATIVE, 1e-6, 1e-6, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> level(1, 1, "X", BandKind.ABSOLUTE, 0, 1, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ length-dependent bands, U = a + b·L

    /**
     * Gauge blocks with bands that grow with the nominal length, in µm with L in m: PRIMARY (0, 0.01 + 0.1L],
     * GRADE_1 (0.01 + 0.1L, 0.05 + 0.5L], GRADE_2 (0.05 + 0.5L, 0.2 + 2L].
     */
    static final VerificationScheme GAUGE = new VerificationScheme(4, "JJG 2056-1990", "量块", "Gauge blocks",
            "LENGTH", List.of(
                    perLength(41, 1, "PRIMARY", 0, 0, 0.01, 0.1),
                    perLength(42, 2, "GRADE_1", 0.01, 0.1, 0.05, 0.5),
                    perLength(43, 3, "GRADE_2", 0.05, 0.5, 0.2, 2)));

    final SchemeCheck gauge = new SchemeCheck(List.of(GAUGE));

    static SchemeLevel perLength(long id, int tier, String code, double aLow, double bLow, double aHigh,
            double bHigh) {
        return new SchemeLevel(id, tier, code, code, code, BandKind.ABSOLUTE, aLow, aHigh, Optional.of("µm"),
                Optional.empty(), bLow, bHigh, Optional.of("m"));
    }

    /** A gauge block (set) whose range ends at {@code high} in {@code unit}, with U in the same unit. */
    static SchemeSubject block(long id, String unit, Double high, double u, Long claimedLevel) {
        return new SchemeSubject(id, "GB-" + id, "LENGTH", unit, OptionalDouble.of(u),
                high == null ? OptionalDouble.empty() : OptionalDouble.of(high), Optional.empty(),
                Optional.ofNullable(claimedLevel));
    }

    @Test
    void aHundredMillimetreBlockIsJudgedAgainstTheBandEvaluatedAtOneTenthOfAMetre() {
        // L = 100 mm = 0.1 m: GRADE_1 is (0.01 + 0.1·0.1, 0.05 + 0.5·0.1] = (0.02, 0.10] µm; U = 0.07 µm fits
        SchemeStanding s = gauge.check(block(1, "mm", 100.0, 0.00007, 42L), List.of());
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.OK);
        assertThat(s.level()).contains("GRADE_1");
        // the same block stated in metres: 7e-8 m at L = 0.1 m, the same level
        assertThat(gauge.check(block(2, "m", 0.1, 7e-8, null), List.of()).level()).contains("GRADE_1");
    }

    @Test
    void theSameUncertaintyOnALongerBlockBelongsToABetterLevelBecauseTheBandGrowsWithLength() {
        // L = 1 m: PRIMARY is (0, 0.01 + 0.1] = (0, 0.11] µm, so U = 0.07 µm is primary-grade at 1 m
        SchemeStanding s = gauge.check(block(3, "mm", 1000.0, 0.00007, 42L), List.of());
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.MISPLACED);
        assertThat(s.belongsTo()).contains("PRIMARY");
        assertThat(s.claimedLevel()).contains("GRADE_1");
    }

    @Test
    void anUncertaintyAboveTheLimitAtTheRangesUpperEndBelongsToTheNextLevel() {
        // L = 0.1 m: GRADE_1 ends at 0.10 µm; U = 0.12 µm is in GRADE_2, (0.05 + 0.5·0.1, 0.2 + 2·0.1] = (0.10, 0.40] µm
        SchemeStanding s = gauge.check(block(4, "mm", 100.0, 0.00012, 42L), List.of());
        assertThat(s.verdict()).isEqualTo(SchemeVerdict.MISPLACED);
        assertThat(s.belongsTo()).contains("GRADE_2");
        assertThat(s.reason()).contains("claims GRADE_1").contains("GRADE_2");
    }

    @Test
    void anUncertaintyExactlyOnALengthDependentLimitBelongsToThatLevel() {
        // 0.0001 mm = 0.10 µm, exactly 0.05 + 0.5·0.1 µm after two unit conversions
        assertThat(gauge.check(block(5, "mm", 100.0, 0.0001, 42L), List.of()).verdict())
                .isEqualTo(SchemeVerdict.OK);
        // 0.1 nm above it: GRADE_2
        assertThat(gauge.check(block(6, "mm", 100.0, 0.0001001, null), List.of()).level()).contains("GRADE_2");
    }

    @Test
    void aStandardWithoutTheUpperEndOfItsRangeOrWithARangeThatIsNotALengthCannotBePlacedByALengthBand() {
        SchemeStanding noRange = gauge.check(block(7, "mm", null, 0.00007, null), List.of());
        assertThat(noRange.verdict()).isEqualTo(SchemeVerdict.NO_SCHEME);
        assertThat(noRange.reason()).contains("range");
        SchemeStanding notALength = gauge.check(block(8, "kg", 1.0, 0.00007, null), List.of());
        assertThat(notALength.verdict()).isEqualTo(SchemeVerdict.NO_SCHEME);
        // with a claim it sits at the claimed level
        assertThat(gauge.check(block(9, "mm", null, 0.00007, 43L), List.of()).level()).contains("GRADE_2");
    }

    @Test
    void aLengthDependentBandMustBeAbsoluteWithTheUnitOfLAndNeverEmpty() {
        assertThatThrownBy(() -> new SchemeLevel(1, 1, "X", "X", "X", BandKind.RELATIVE, 0, 1, Optional.empty(),
                Optional.empty(), 0, 0.5, Optional.of("m"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SchemeLevel(1, 1, "X", "X", "X", BandKind.ABSOLUTE, 0, 1, Optional.of("µm"),
                Optional.empty(), 0, 0.5, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        // the lower limit growing faster than the upper would empty the band for long blocks
        assertThatThrownBy(() -> new SchemeLevel(1, 1, "X", "X", "X", BandKind.ABSOLUTE, 0, 1, Optional.of("µm"),
                Optional.empty(), 2, 0.5, Optional.of("m"))).isInstanceOf(IllegalArgumentException.class);
        SchemeLevel l = perLength(1, 1, "G", 0.02, 0.2, 0.06, 0.6);
        assertThat(l.lengthDependent()).isTrue();
        assertThat(l.highAt(0.5)).isCloseTo(0.36, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(l.lowAt(0.5)).isCloseTo(0.12, org.assertj.core.data.Offset.offset(1e-12));
    }
}
