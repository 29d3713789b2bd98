package org.metrolims.proficiency.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.PT_SCORE;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;
import org.metrolims.proficiency.PtFixture;
import org.metrolims.proficiency.enrolment.Enrolment;
import org.metrolims.proficiency.result.ResultSubmission;
import org.metrolims.proficiency.round.IllegalTransitionException;
import org.metrolims.proficiency.round.NewRound;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SigmaPtMethod;
import org.metrolims.proficiency.statistics.AlgorithmA;
import org.metrolims.proficiency.statistics.AlgorithmAResult;
import org.metrolims.proficiency.statistics.Performance;

class RoundScoringTest {

    static DSLContext dsl;
    PtFixture pt;

    @BeforeAll
    static void schema() {
        dsl = TestDatabase.newSchema(RoundScoringTest.class).dsl();
    }

    @BeforeEach
    void fixture() {
        pt = new PtFixture(dsl);
    }

    /** x_pt = 10.000 mm, u(x_pt) = 0.01 (negligible against 0.3 x 0.1), sigma_pt = 0.1: z = (x - 10) / 0.1. */
    @Test
    void scoresAgainstTheReferenceValueAndClassifiesByZ() {
        Scheme scheme = pt.scheme(AssignedValueMethod.REFERENCE_VALUE, SigmaPtMethod.FIXED, 0.1, SchemeScoreType.Z);
        List<String> labs = List.of(pt.lab("LENGTH"), pt.lab("LENGTH"), pt.lab("LENGTH"));
        Round round = referenceRound(scheme, 10.0, 0.01, labs);
        pt.submit(round, labs.get(0), 10.05);
        pt.submit(round, labs.get(1), 10.25);
        pt.submit(round, labs.get(2), 9.65);
        pt.close(round);

        ScoredRound scored = pt.scoring.score(round.id(), "officer");

        assertThat(scored.round().status()).isEqualTo(RoundStatus.SCORED);
        assertThat(scored.round().summary().assignedValue()).isEqualTo(10.0);
        assertThat(scored.round().summary().sigmaPt()).isEqualTo(0.1);
        assertThat(scored.round().summary().scoredBy()).isEqualTo("officer");
        assertThat(scored.round().summary().uncertaintyNegligible()).isTrue();
        Map<String, LabRoundScore> byLab = scored.scores().stream()
                .collect(Collectors.toMap(LabRoundScore::organizationCode, s -> s));
        assertThat(byLab.get(labs.get(0)).z()).isCloseTo(0.5, within(1e-6));
        assertThat(byLab.get(labs.get(0)).classification()).isEqualTo(Performance.SATISFACTORY);
        assertThat(byLab.get(labs.get(1)).z()).isCloseTo(2.5, within(1e-6));
        assertThat(byLab.get(labs.get(1)).classification()).isEqualTo(Performance.QUESTIONABLE);
        assertThat(byLab.get(labs.get(2)).z()).isCloseTo(-3.5, within(1e-6));
        assertThat(byLab.get(labs.get(2)).classification()).isEqualTo(Performance.UNSATISFACTORY);
        assertThat(byLab.get(labs.get(2)).zeta()).isNull();
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(round.id()))
                .and(AUDIT_EVENT.ACTION.eq("SCORE")))).isEqualTo(1);
    }

    /** u(x_pt) = 0.05 is not below 0.3 sigma_pt = 0.03: z' = (x - x_pt) / sqrt(0.1^2 + 0.05^2) classifies. */
    @Test
    void classifiesByZPrimeWhenTheUncertaintyOfTheAssignedValueIsNotNegligible() {
        Scheme scheme = pt.scheme(AssignedValueMethod.REFERENCE_VALUE, SigmaPtMethod.FIXED, 0.1, SchemeScoreType.Z);
        String lab = pt.lab("LENGTH");
        Round round = referenceRound(scheme, 10.0, 0.05, List.of(lab));
        pt.submit(round, lab, 10.25);
        pt.close(round);

        LabRoundScore s = pt.scoring.score(round.id(), "officer").scores().getFirst();

        assertThat(s.z()).isCloseTo(2.5, within(1e-6));
        assertThat(s.zPrime()).isCloseTo(0.25 / Math.sqrt(0.0125), within(1e-6));
        assertThat(s.classification()).isEqualTo(Performance.QUESTIONABLE);
        assertThat(pt.rounds.get(round.id()).summary().uncertaintyNegligible()).isFalse();
    }

    @Test
    void takesTheAlgorithmAConsensusAsAssignedValueAndStoresItsIterations() {
        List<String> labs = List.of(pt.lab("LENGTH"), pt.lab("LENGTH"), pt.lab("LENGTH"), pt.lab("LENGTH"),
                pt.lab("LENGTH"), pt.lab("LENGTH"));
        Round round = pt.dispatchedRound(pt.consensusScheme(), labs.toArray(String[]::new));
        double[] values = {10.02, 9.98, 10.01, 10.00, 9.97, 10.60};
        for (int i = 0; i < labs.size(); i++) {
            pt.submit(round, labs.get(i), values[i]);
        }
        pt.close(round);

        ScoredRound scored = pt.scoring.score(round.id(), "officer");

        // the results reach the statistics in lab-code order; the floating-point path (and so the count of
        // iterations to the fixed point) depends on the order, so the cross-check uses the same order
        AlgorithmAResult expected = AlgorithmA.compute(
                scored.scores().stream().mapToDouble(LabRoundScore::value).toArray());
        Round.Summary summary = scored.round().summary();
        assertThat(summary.assignedValue()).isCloseTo(expected.robustMean(), within(1e-9));
        assertThat(summary.robustSd()).isCloseTo(expected.robustStandardDeviation(), within(1e-9));
        assertThat(summary.assignedValueUncertainty())
                .isCloseTo(1.25 * expected.robustStandardDeviation() / Math.sqrt(6), within(1e-9));
        assertThat(summary.iterations()).isEqualTo(expected.iterations());
        assertThat(dsl.fetchCount(PT_SCORE, PT_SCORE.ROUND_ID.eq(round.id()))).isEqualTo(6);
    }

    @Test
    void usesOnlyTheLatestRevisionOfEachLab() {
        Scheme scheme = pt.scheme(AssignedValueMethod.REFERENCE_VALUE, SigmaPtMethod.FIXED, 0.1, SchemeScoreType.Z);
        String lab = pt.lab("LENGTH");
        Round round = referenceRound(scheme, 10.0, 0.01, List.of(lab));
        pt.submit(round, lab, 11.0);
        pt.submit(round, lab, 10.1);
        pt.close(round);

        LabRoundScore s = pt.scoring.score(round.id(), "officer").scores().getFirst();

        assertThat(s.value()).isEqualTo(10.1);
        assertThat(s.z()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void classifiesByEnForACalibrationScheme() {
        Scheme scheme = pt.scheme(AssignedValueMethod.REFERENCE_VALUE, SigmaPtMethod.FIXED, 0.1, SchemeScoreType.EN);
        String lab = pt.lab("LENGTH");
        Round round = referenceRound(scheme, 10.0, 0.01, List.of(lab));
        pt.results.submit(round.id(), pt.organizationId(lab),
                new ResultSubmission(10.25, null, 0.2, 2.0, null, null), "lab");
        pt.close(round);

        LabRoundScore s = pt.scoring.score(round.id(), "officer").scores().getFirst();

        // E_n = 0.25 / sqrt(0.2^2 + (2 x 0.01)^2)
        assertThat(s.en()).isCloseTo(0.25 / Math.sqrt(0.04 + 0.0004), within(1e-6));
        assertThat(s.zeta()).isCloseTo(0.25 / Math.sqrt(0.01 + 0.0001), within(1e-6));
        assertThat(s.classification()).isEqualTo(Performance.UNSATISFACTORY);
    }

    @Test
    void refusesToScoreARoundWhoseResultsAreNotClosed() {
        String lab = pt.lab("LENGTH");
        Round round = pt.dispatchedRound(pt.consensusScheme(), lab);
        pt.submit(round, lab, 10.0);

        assertThatThrownBy(() -> pt.scoring.score(round.id(), "officer"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aConsensusOfTooFewResultsFailsAndLeavesTheRoundClosedWithNoScores() {
        List<String> labs = List.of(pt.lab("LENGTH"), pt.lab("LENGTH"));
        Round round = pt.dispatchedRound(pt.consensusScheme(), labs.toArray(String[]::new));
        pt.submit(round, labs.get(0), 10.0);
        pt.submit(round, labs.get(1), 10.1);
        pt.close(round);

        assertThatThrownBy(() -> pt.scoring.score(round.id(), "officer"))
                .isInstanceOf(ScoringFailedException.class).hasMessageContaining("at least 3");
        assertThat(pt.rounds.get(round.id()).status()).isEqualTo(RoundStatus.CLOSED);
        assertThat(dsl.fetchCount(PT_SCORE, PT_SCORE.ROUND_ID.eq(round.id()))).isZero();
    }

    @Test
    void flagsALabQuestionableInTwoRoundsInARowOnceTheReportsAreIssued() {
        Scheme scheme = pt.scheme(AssignedValueMethod.REFERENCE_VALUE, SigmaPtMethod.FIXED, 0.1, SchemeScoreType.Z);
        String lab = pt.lab("LENGTH");
        for (int i = 0; i < 2; i++) {
            pt.clock.set(PtFixture.START);
            Round round = referenceRound(scheme, 10.0, 0.01, List.of(lab));
            pt.submit(round, lab, 10.25);
            pt.close(round);
            pt.scoring.score(round.id(), "officer");
            if (i == 0) {
                pt.rounds.transition(round.id(), RoundStatus.REPORTED, "officer");
            }
        }
        long org = pt.organizationId(lab);

        LabRecord asLabSeesIt = pt.scoring.history(org, true);
        LabRecord asOfficerSeesIt = pt.scoring.history(org, false);

        assertThat(asLabSeesIt.rounds()).hasSize(1);
        assertThat(asLabSeesIt.flags().flagged()).isFalse();
        assertThat(asOfficerSeesIt.rounds()).hasSize(2);
        assertThat(asOfficerSeesIt.flags().questionableTwiceInARow()).isTrue();
    }

    private Round referenceRound(Scheme scheme, double value, double u, List<String> labs) {
        Round round = pt.rounds.schedule(new NewRound(scheme.id(), PtFixture.unique("R"), PtFixture.schedule(),
                value, u), "officer");
        pt.rounds.transition(round.id(), RoundStatus.OPEN, "officer");
        for (String lab : labs) {
            Enrolment e = pt.enrolments.enrol(round.id(), lab, "officer");
            assertThat(e.labCode()).isNotBlank();
        }
        return pt.rounds.transition(round.id(), RoundStatus.DISPATCHED, "officer");
    }
}
