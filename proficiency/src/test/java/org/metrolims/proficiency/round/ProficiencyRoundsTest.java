package org.metrolims.proficiency.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;

import java.time.Instant;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;
import org.metrolims.proficiency.PtFixture;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SigmaPtMethod;

class ProficiencyRoundsTest {

    static DSLContext dsl;
    PtFixture pt;

    @BeforeAll
    static void schema() {
        dsl = TestDatabase.newSchema(ProficiencyRoundsTest.class).dsl();
    }

    @BeforeEach
    void fixture() {
        pt = new PtFixture(dsl);
    }

    @Test
    void schedulesADraftRoundWithItsDatesAndAuditsIt() {
        Scheme scheme = pt.consensusScheme();
        Round round = pt.draftRound(scheme);

        assertThat(round.status()).isEqualTo(RoundStatus.DRAFT);
        assertThat(round.schemeCode()).isEqualTo(scheme.code());
        assertThat(round.schedule()).isEqualTo(PtFixture.schedule());
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("pt_round")
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(round.id()))).and(AUDIT_EVENT.ACTION.eq("CREATE"))))
                .isEqualTo(1);
    }

    @Test
    void rejectsDatesOutOfOrderNamingTheField() {
        assertThatThrownBy(() -> new RoundSchedule(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9),
                LocalDate.of(2026, 3, 10), Instant.parse("2026-03-05T12:00:00Z"), LocalDate.of(2026, 4, 30)))
                .isInstanceOfSatisfying(PtInputException.class,
                        e -> assertThat(e.field()).isEqualTo("submissionDeadline"));
        assertThatThrownBy(() -> new RoundSchedule(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 10), Instant.parse("2026-03-31T12:00:00Z"), LocalDate.of(2026, 4, 30)))
                .isInstanceOfSatisfying(PtInputException.class,
                        e -> assertThat(e.field()).isEqualTo("enrolmentClosesOn"));
    }

    @Test
    void requiresAReferenceValueWhenTheSchemeDoesNotUseAConsensus() {
        Scheme scheme = pt.scheme(AssignedValueMethod.REFERENCE_VALUE, SigmaPtMethod.FIXED, 0.1, SchemeScoreType.Z);

        assertThatThrownBy(() -> pt.rounds.schedule(new NewRound(scheme.id(), PtFixture.unique("R"),
                PtFixture.schedule(), null, null), "officer"))
                .isInstanceOfSatisfying(PtInputException.class,
                        e -> assertThat(e.field()).isEqualTo("referenceValue"));
    }

    @Test
    void refusesADuplicateRoundCode() {
        Round round = pt.draftRound(pt.consensusScheme());

        assertThatThrownBy(() -> pt.rounds.schedule(new NewRound(round.schemeId(), round.code(),
                PtFixture.schedule(), null, null), "officer"))
                .isInstanceOfSatisfying(PtRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("DUPLICATE_ROUND_CODE"));
    }

    @Test
    void rejectsSkippingAStepOfTheLifecycle() {
        Round round = pt.draftRound(pt.consensusScheme());

        assertThatThrownBy(() -> pt.rounds.transition(round.id(), RoundStatus.DISPATCHED, "officer"))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(RoundStatus.DRAFT);
                    assertThat(e.to()).isEqualTo(RoundStatus.DISPATCHED);
                    assertThat(e.getMessage()).contains("the next status is OPEN");
                });
        assertThat(pt.rounds.get(round.id()).status()).isEqualTo(RoundStatus.DRAFT);
    }

    @Test
    void refusesToGoBackwards() {
        Round round = pt.draftRound(pt.consensusScheme());
        pt.rounds.transition(round.id(), RoundStatus.OPEN, "officer");

        assertThatThrownBy(() -> pt.rounds.transition(round.id(), RoundStatus.DRAFT, "officer"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void refusesToDispatchWithNoLabEnrolled() {
        Round round = pt.draftRound(pt.consensusScheme());
        pt.rounds.transition(round.id(), RoundStatus.OPEN, "officer");

        assertThatThrownBy(() -> pt.rounds.transition(round.id(), RoundStatus.DISPATCHED, "officer"))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("no lab is enrolled");
    }

    @Test
    void refusesToCloseResultsBeforeTheDeadline() {
        Round round = pt.dispatchedRound(pt.consensusScheme(), pt.lab("LENGTH"));

        assertThatThrownBy(() -> pt.rounds.transition(round.id(), RoundStatus.CLOSED, "officer"))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("has not passed");
    }

    @Test
    void isScoredOnlyByTheScoringNotBySettingTheStatus() {
        Round round = pt.close(pt.dispatchedRound(pt.consensusScheme(), pt.lab("LENGTH")));

        assertThatThrownBy(() -> pt.rounds.transition(round.id(), RoundStatus.SCORED, "officer"))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("scoring");
    }

    @Test
    void walksTheLifecycleToClosedAndAuditsEachStep() {
        Round round = pt.close(pt.dispatchedRound(pt.consensusScheme(), pt.lab("LENGTH")));

        assertThat(round.status()).isEqualTo(RoundStatus.CLOSED);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ENTITY_TYPE.eq("pt_round")
                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(round.id()))).and(AUDIT_EVENT.ACTION.eq("STATUS"))))
                .isEqualTo(3);
    }
}
