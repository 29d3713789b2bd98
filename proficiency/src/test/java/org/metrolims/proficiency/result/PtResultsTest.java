package org.metrolims.proficiency.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;
import org.metrolims.proficiency.PtFixture;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.result.SubmissionRefusedException.Reason;
import org.metrolims.proficiency.round.Round;

class PtResultsTest {

    static DSLContext dsl;
    PtFixture pt;
    String lab;
    Round round;

    @BeforeAll
    static void schema() {
        dsl = TestDatabase.newSchema(PtResultsTest.class).dsl();
    }

    @BeforeEach
    void fixture() {
        pt = new PtFixture(dsl);
        lab = pt.lab("LENGTH");
        round = pt.dispatchedRound(pt.consensusScheme(), lab);
    }

    @Test
    void storesAResubmissionAsANewRevisionAndTheLatestCounts() {
        pt.results.submit(round.id(), pt.organizationId(lab),
                new ResultSubmission(10.01, 0.005, null, null, "comparator", null), "lab-user");
        pt.results.submit(round.id(), pt.organizationId(lab),
                new ResultSubmission(10.02, null, 0.01, 2.0, "comparator", "typo fixed"), "lab-user");

        assertThat(pt.results.ownRevisions(round.id(), pt.organizationId(lab)))
                .extracting(SubmittedResult::revision, SubmittedResult::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 10.01),
                        org.assertj.core.groups.Tuple.tuple(2, 10.02));
        SubmittedResult latest = pt.results.latestOfRound(round.id()).getFirst();
        assertThat(latest.revision()).isEqualTo(2);
        assertThat(latest.effectiveStandardUncertainty()).isEqualTo(0.005);
        assertThat(latest.late()).isFalse();
    }

    @Test
    void refusesAResultFromALabNotEnrolledInTheRound() {
        String other = pt.lab("LENGTH");

        assertThatThrownBy(() -> pt.submit(round, other, 10.0))
                .isInstanceOfSatisfying(SubmissionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ENROLLED));
    }

    @Test
    void refusesAResultAfterTheDeadlineAndStoresNothing() {
        pt.clock.set(Instant.parse("2026-03-31T12:00:00.000001Z"));

        assertThatThrownBy(() -> pt.submit(round, lab, 10.0))
                .isInstanceOfSatisfying(SubmissionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DEADLINE_PASSED));
        assertThat(pt.results.latestOfRound(round.id())).isEmpty();
    }

    @Test
    void acceptsAResultExactlyAtTheDeadline() {
        pt.clock.set(Instant.parse("2026-03-31T12:00:00Z"));

        pt.submit(round, lab, 10.0);

        assertThat(pt.results.latestOfRound(round.id())).hasSize(1);
    }

    @Test
    void anOfficerAcceptsALateResultWhichIsMarkedLateWithTheirName() {
        pt.clock.set(Instant.parse("2026-04-02T08:00:00Z"));
        String code = pt.enrolments.own(round.id(), pt.organizationId(lab)).orElseThrow().labCode();

        SubmittedResult late = pt.results.acceptLate(round.id(), code, PtFixture.plain(10.03), "officer",
                "courier delay");

        assertThat(late.late()).isTrue();
        assertThat(late.acceptedBy()).isEqualTo("officer");
        assertThat(late.revision()).isEqualTo(1);
    }

    @Test
    void anOfficerCannotAcceptAsLateAResultBeforeTheDeadline() {
        String code = pt.enrolments.own(round.id(), pt.organizationId(lab)).orElseThrow().labCode();

        assertThatThrownBy(() -> pt.results.acceptLate(round.id(), code, PtFixture.plain(10.03), "officer", null))
                .isInstanceOfSatisfying(SubmissionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_LATE));
    }

    @Test
    void refusesUnusableValuesNamingTheField() {
        assertThatThrownBy(() -> PtFixture.plain(Double.POSITIVE_INFINITY))
                .isInstanceOfSatisfying(PtInputException.class, e -> assertThat(e.field()).isEqualTo("value"));
        assertThatThrownBy(() -> new ResultSubmission(10.0, -0.1, null, null, null, null))
                .isInstanceOfSatisfying(PtInputException.class,
                        e -> assertThat(e.field()).isEqualTo("standardUncertainty"));
        assertThatThrownBy(() -> new ResultSubmission(10.0, null, 0.2, null, null, null))
                .isInstanceOfSatisfying(PtInputException.class,
                        e -> assertThat(e.field()).isEqualTo("coverageFactor"));
        assertThatThrownBy(() -> new ResultSubmission(10.0, 0.1, 0.2, 2.0, null, null))
                .isInstanceOfSatisfying(PtInputException.class,
                        e -> assertThat(e.field()).isEqualTo("expandedUncertainty"));
    }
}
