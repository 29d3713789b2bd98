package org.metrolims.proficiency.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.metrolims.db.TestDatabase;
import org.metrolims.proficiency.PtFixture;
import org.metrolims.proficiency.PtInputException;
import org.metrolims.proficiency.PtRuleException;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.statistics.HomogeneityCheck;

class ItemStudiesTest {

    static DSLContext dsl;
    PtFixture pt;

    static final double[][] DUPLICATES = {{10.01, 10.02}, {10.00, 10.01}, {10.02, 10.02}, {9.99, 10.00},
        {10.01, 10.00}, {10.00, 10.02}, {10.01, 10.01}};

    @BeforeAll
    static void schema() {
        dsl = TestDatabase.newSchema(ItemStudiesTest.class).dsl();
    }

    @BeforeEach
    void fixture() {
        pt = new PtFixture(dsl);
    }

    @Test
    void givesTheHomogeneityVerdictWithTheSchemesFixedSigmaPt() {
        Round round = pt.draftRound(pt.consensusScheme());

        ItemVerdicts v = pt.items.record(round.id(), ItemStudy.HOMOGENEITY, DUPLICATES, "officer");

        assertThat(v.sigmaPt()).isEqualTo(0.1);
        assertThat(v.sigmaPtBasis()).isEqualTo("FIXED");
        assertThat(v.homogeneity().ss()).isCloseTo(HomogeneityCheck.check(DUPLICATES, 0.1).ss(), within(1e-12));
        assertThat(v.homogeneity().sufficient()).isTrue();
        assertThat(v.stability()).isNull();
    }

    @Test
    void comparesStabilityMeasurementsWithTheHomogeneityData() {
        Round round = pt.draftRound(pt.consensusScheme());
        pt.items.record(round.id(), ItemStudy.HOMOGENEITY, DUPLICATES, "officer");

        ItemVerdicts v = pt.items.record(round.id(), ItemStudy.STABILITY_AFTER,
                new double[][] {{10.09}, {10.10}}, "officer");

        assertThat(v.stability().difference()).isCloseTo(10.095 - 140.12 / 14, within(1e-9));
        assertThat(v.stability().stable()).isFalse();
    }

    @Test
    void neverOverwritesRecordedMeasurements() {
        Round round = pt.draftRound(pt.consensusScheme());
        pt.items.record(round.id(), ItemStudy.HOMOGENEITY, DUPLICATES, "officer");

        assertThatThrownBy(() -> pt.items.record(round.id(), ItemStudy.HOMOGENEITY, DUPLICATES, "officer"))
                .isInstanceOfSatisfying(PtRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("ALREADY_RECORDED"));
    }

    @Test
    void wantsEachHomogeneityItemMeasuredTwice() {
        Round round = pt.draftRound(pt.consensusScheme());

        assertThatThrownBy(() -> pt.items.record(round.id(), ItemStudy.HOMOGENEITY,
                new double[][] {{10.0, 10.1}, {10.0}}, "officer"))
                .isInstanceOfSatisfying(PtInputException.class, e -> assertThat(e.field()).isEqualTo("items[1]"));
    }
}
