package org.metrolims.proficiency.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;
import org.metrolims.proficiency.PtFixture;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundStatus;

class PtEnrolmentsTest {

    static DSLContext dsl;
    PtFixture pt;

    @BeforeAll
    static void schema() {
        dsl = TestDatabase.newSchema(PtEnrolmentsTest.class).dsl();
    }

    @BeforeEach
    void fixture() {
        pt = new PtFixture(dsl);
    }

    @Test
    void enrolsALabAccreditedForTheDisciplineUnderAConfidentialCode() {
        Round round = pt.draftRound(pt.consensusScheme());
        String lab = pt.lab("THERMAL", "LENGTH");

        Enrolment e = pt.enrolments.enrol(round.id(), lab, "officer");

        assertThat(e.status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(e.labCode()).matches("L\\d\\d").doesNotContain(String.valueOf(e.organizationId()));
        assertThat(e.decidedBy()).isEqualTo("officer");
    }

    @Test
    void refusesALabWhoseScopeDoesNotCoverTheDiscipline() {
        Round round = pt.draftRound(pt.consensusScheme());
        String lab = pt.lab("THERMAL");

        assertThatThrownBy(() -> pt.enrolments.enrol(round.id(), lab, "officer"))
                .isInstanceOf(OutsideScopeException.class).hasMessageContaining("not accredited for LENGTH");
        assertThat(pt.enrolments.ofRound(round.id())).isEmpty();
    }

    @Test
    void offersOnlyLabsInScopeNotYetInTheRoundAndLetsOnlyThoseApply() {
        Round round = pt.draftRound(pt.consensusScheme());
        String inScope = pt.lab("LENGTH");
        String enrolled = pt.lab("THERMAL", "LENGTH");
        String outside = pt.lab("THERMAL");
        pt.enrolments.enrol(round.id(), enrolled, "officer");

        List<String> offered = pt.enrolments.eligible(round.id()).stream().map(EligibleLab::code).toList();

        assertThat(offered).contains(inScope).doesNotContain(enrolled, outside);
        assertThat(pt.enrolments.mayApply(round.id(), pt.organizationId(inScope))).isFalse(); // still DRAFT
        pt.rounds.transition(round.id(), RoundStatus.OPEN, "officer");
        assertThat(pt.enrolments.mayApply(round.id(), pt.organizationId(inScope))).isTrue();
        assertThat(pt.enrolments.mayApply(round.id(), pt.organizationId(outside))).isFalse();
        assertThat(pt.enrolments.mayApply(round.id(), pt.organizationId(enrolled))).isFalse();
    }

    @Test
    void refusesToEnrolTheSameLabTwice() {
        Round round = pt.draftRound(pt.consensusScheme());
        String lab = pt.lab("LENGTH");
        pt.enrolments.enrol(round.id(), lab, "officer");

        assertThatThrownBy(() -> pt.enrolments.enrol(round.id(), lab, "officer"))
                .isInstanceOf(DuplicateEnrolmentException.class);
        assertThat(pt.enrolments.ofRound(round.id())).hasSize(1);
    }

    @Test
    void aLabAppliesToAnOpenRoundAndTheOfficerEnrolsIt() {
        Round round = pt.draftRound(pt.consensusScheme());
        pt.rounds.transition(round.id(), RoundStatus.OPEN, "officer");
        String lab = pt.lab("LENGTH");

        Enrolment applied = pt.enrolments.apply(round.id(), pt.organizationId(lab), "lab-user");
        Enrolment decided = pt.enrolments.decide(round.id(), applied.labCode(), EnrolmentStatus.ENROLLED,
                "officer", null);

        assertThat(applied.status()).isEqualTo(EnrolmentStatus.APPLIED);
        assertThat(decided.status()).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(decided.labCode()).isEqualTo(applied.labCode());
        assertThat(decided.decidedBy()).isEqualTo("officer");
    }

    @Test
    void anOfficerRejectsAnApplicationAndCannotDecideTwice() {
        Round round = pt.draftRound(pt.consensusScheme());
        pt.rounds.transition(round.id(), RoundStatus.OPEN, "officer");
        Enrolment applied = pt.enrolments.apply(round.id(), pt.organizationId(pt.lab("LENGTH")), "lab-user");

        pt.enrolments.decide(round.id(), applied.labCode(), EnrolmentStatus.REJECTED, "officer", "no capacity");

        assertThatThrownBy(() -> pt.enrolments.decide(round.id(), applied.labCode(), EnrolmentStatus.ENROLLED,
                "officer", null))
                .isInstanceOfSatisfying(PtRuleException.class, e -> assertThat(e.code()).isEqualTo("NOT_APPLIED"));
    }

    @Test
    void labsCannotApplyToADraftRound() {
        Round round = pt.draftRound(pt.consensusScheme());

        assertThatThrownBy(() -> pt.enrolments.apply(round.id(), pt.organizationId(pt.lab("LENGTH")), "lab-user"))
                .isInstanceOfSatisfying(PtRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("ENROLMENT_CLOSED"));
    }

    @Test
    void givesEveryLabOfARoundADifferentCode() {
        Round round = pt.draftRound(pt.consensusScheme());
        List<String> labs = IntStream.range(0, 12).mapToObj(i -> pt.lab("LENGTH")).toList();

        labs.forEach(lab -> pt.enrolments.enrol(round.id(), lab, "officer"));

        assertThat(pt.enrolments.ofRound(round.id())).extracting(Enrolment::labCode).doesNotHaveDuplicates()
                .hasSize(12).allMatch(c -> c.matches("L\\d\\d"));
    }

    @Test
    void drawsCodesAtRandomAndWidensThemWhenTwoDigitsAreUsedUp() {
        Set<String> used = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 99; i++) {
            assertThat(used.add(LabCodes.draw(used, random))).isTrue();
        }
        assertThat(used).allMatch(c -> c.matches("L\\d\\d"));
        assertThat(LabCodes.draw(used, random)).matches("L\\d\\d\\d");

        Set<String> firstDraws = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            firstDraws.add(LabCodes.draw(Set.of(), new Random(seed)));
        }
        assertThat(firstDraws).as("the first lab does not always get L01").hasSizeGreaterThan(10);
    }
}
