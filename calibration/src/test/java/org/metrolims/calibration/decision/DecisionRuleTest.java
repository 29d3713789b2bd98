package org.metrolims.calibration.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ILAC G8:09/2019 4.2 by hand: tolerance [−1, 1], U = 0.2 at k = 2 (u = 0.1). With w = U the
 * acceptance zone is [−0.8, 0.8]; with w = 0.5·U it is [−0.9, 0.9].
 */
class DecisionRuleTest {

    static final ToleranceInterval TOLERANCE = ToleranceInterval.between(-1, 1);

    @ParameterizedTest(name = "y = {0}: simple {1}, binary w=U {2}, non-binary w=U {3}, non-binary w=0.5U {4}")
    @CsvSource({
        " 0.0,  PASS, PASS, PASS,             PASS",
        " 0.8,  PASS, PASS, PASS,             PASS",
        " 0.85, PASS, FAIL, CONDITIONAL_PASS, PASS",
        "-0.95, PASS, FAIL, CONDITIONAL_PASS, CONDITIONAL_PASS",
        " 1.0,  PASS, FAIL, CONDITIONAL_PASS, CONDITIONAL_PASS",
        " 1.05, FAIL, FAIL, CONDITIONAL_FAIL, CONDITIONAL_FAIL",
        " 1.15, FAIL, FAIL, CONDITIONAL_FAIL, FAIL",
        "-1.2,  FAIL, FAIL, CONDITIONAL_FAIL, FAIL",
        " 1.25, FAIL, FAIL, FAIL,             FAIL",
    })
    void statesConformityAsIlacG8NamesIt(double y, Verdict simple, Verdict binary, Verdict nonBinary,
            Verdict nonBinaryHalf) {
        assertThat(new SimpleAcceptance().decide(y, 0.2, 2, TOLERANCE).verdict()).isEqualTo(simple);
        assertThat(GuardedAcceptance.binary(1).decide(y, 0.2, 2, TOLERANCE).verdict()).isEqualTo(binary);
        assertThat(GuardedAcceptance.nonBinary(1).decide(y, 0.2, 2, TOLERANCE).verdict()).isEqualTo(nonBinary);
        assertThat(GuardedAcceptance.nonBinary(0.5).decide(y, 0.2, 2, TOLERANCE).verdict()).isEqualTo(nonBinaryHalf);
    }

    @Test
    void guardBandAndAcceptanceLimitsAreStoredWithTheDecision() {
        Decision d = GuardedAcceptance.binary(0.5).decide(0.3, 0.2, 2, TOLERANCE);
        assertThat(d.rule()).isEqualTo(DecisionRuleCode.GUARDED_ACCEPTANCE_W_EQ_RU);
        assertThat(d.multiplier()).isEqualTo(0.5);
        assertThat(d.guardBand()).isCloseTo(0.1, within(1e-15));
        assertThat(d.acceptanceLower()).isCloseTo(-0.9, within(1e-15));
        assertThat(d.acceptanceUpper()).isCloseTo(0.9, within(1e-15));
    }

    @Test
    void aValueAtTheAcceptanceLimitWithWEqualsUIsFalselyAcceptedWithAbout2point3Percent() {
        // y = T_U − U, u = U/2: p_c = Φ(2) − Φ(−18) ⇒ 1 − p_c = 0.022 750 1… (ILAC G8 4.2.2: "< 2.5 %")
        Decision d = GuardedAcceptance.binary(1).decide(0.8, 0.2, 2, TOLERANCE);
        assertThat(d.verdict()).isEqualTo(Verdict.PASS);
        assertThat(1 - d.conformanceProbability()).isCloseTo(0.022750131948179, within(1e-12));
    }

    @Test
    void aValueOnTheToleranceLimitUnderSimpleAcceptanceHasAboutEvenOdds() {
        Decision d = new SimpleAcceptance().decide(1.0, 0.2, 2, TOLERANCE);
        assertThat(d.verdict()).isEqualTo(Verdict.PASS);
        // Φ(0) − Φ(−20) = 0.5 to 1e-12
        assertThat(d.conformanceProbability()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void anEmptyAcceptanceZoneLetsNothingPass() {
        // w = U = 1.2 > half the width: acceptance [0.2, −0.2] is empty
        assertThat(GuardedAcceptance.binary(1).decide(0.0, 1.2, 2, TOLERANCE).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(GuardedAcceptance.nonBinary(1).decide(0.0, 1.2, 2, TOLERANCE).verdict())
                .isEqualTo(Verdict.CONDITIONAL_PASS);
    }

    @Test
    void oneSidedLimitsHaveOneAcceptanceLimit() {
        Decision upper = GuardedAcceptance.nonBinary(1).decide(9.85, 0.2, 2, ToleranceInterval.atMost(10));
        assertThat(upper.verdict()).isEqualTo(Verdict.CONDITIONAL_PASS);
        assertThat(upper.acceptanceLower()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(upper.acceptanceUpper()).isCloseTo(9.8, within(1e-12));
        assertThat(GuardedAcceptance.binary(1).decide(-1e9, 0.2, 2, ToleranceInterval.atMost(10)).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(GuardedAcceptance.binary(1).decide(5.1, 0.2, 2, ToleranceInterval.atLeast(5)).verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(GuardedAcceptance.binary(1).decide(5.2, 0.2, 2, ToleranceInterval.atLeast(5)).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @ParameterizedTest
    @EnumSource(DecisionRuleCode.class)
    void aStoredCodeRebuildsTheSameRule(DecisionRuleCode code) {
        DecisionRule rule = DecisionRule.of(code, code.takesMultiplier() ? 0.5 : 1);
        assertThat(rule.code()).isEqualTo(code);
        assertThat(rule.descriptionKey()).startsWith("decision.rule.");
    }

    @Test
    void codesAndMessageKeysAreStable() {
        assertThat(DecisionRuleCode.GUARDED_ACCEPTANCE_W_EQ_U.descriptionKey())
                .isEqualTo("decision.rule.guarded-acceptance-w-eq-u");
        assertThat(Verdict.CONDITIONAL_PASS.messageKey()).isEqualTo("decision.verdict.conditional-pass");
        assertThat(Verdict.CONDITIONAL_PASS.accepted()).isTrue();
        assertThat(Verdict.CONDITIONAL_FAIL.accepted()).isFalse();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> GuardedAcceptance.binary(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimpleAcceptance().decide(0, -0.1, 2, TOLERANCE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ToleranceInterval.between(1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ToleranceInterval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
