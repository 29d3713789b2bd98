package org.metrolims.proficiency;

import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.metrolims.db.jooq.Tables.REGION;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.metrolims.db.audit.AuditTrail;
import org.metrolims.proficiency.enrolment.EnrolmentTestWiring;
import org.metrolims.proficiency.enrolment.PtEnrolments;
import org.metrolims.proficiency.internal.PtAudit;
import org.metrolims.proficiency.item.ItemStudies;
import org.metrolims.proficiency.item.ItemTestWiring;
import org.metrolims.proficiency.result.PtResults;
import org.metrolims.proficiency.result.ResultSubmission;
import org.metrolims.proficiency.result.ResultTestWiring;
import org.metrolims.proficiency.round.NewRound;
import org.metrolims.proficiency.round.ProficiencyRounds;
import org.metrolims.proficiency.round.Round;
import org.metrolims.proficiency.round.RoundSchedule;
import org.metrolims.proficiency.round.RoundStatus;
import org.metrolims.proficiency.round.RoundTestWiring;
import org.metrolims.proficiency.scheme.AssignedValueMethod;
import org.metrolims.proficiency.scheme.NewScheme;
import org.metrolims.proficiency.scheme.ProficiencySchemes;
import org.metrolims.proficiency.scheme.Scheme;
import org.metrolims.proficiency.scheme.SchemeScoreType;
import org.metrolims.proficiency.scheme.SchemeTestWiring;
import org.metrolims.proficiency.scheme.SigmaPtMethod;
import org.metrolims.proficiency.scoring.RoundScoring;
import org.metrolims.proficiency.scoring.ScoringTestWiring;

/**
 * The PT services wired by hand on one DSLContext (no Spring), a clock the test moves, and helpers that set up
 * reference data, schemes and rounds under unique codes so that tests can share one schema.
 */
public final class PtFixture {

    private static final AtomicInteger counter = new AtomicInteger();

    /** "Now" for the tests; the round deadlines below are relative to it. */
    public static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    public final DSLContext dsl;
    public final MovableClock clock = new MovableClock(START);
    public final ProficiencySchemes schemes;
    public final ProficiencyRounds rounds;
    public final PtEnrolments enrolments;
    public final PtResults results;
    public final ItemStudies items;
    public final RoundScoring scoring;
    public final long regionId;

    public PtFixture(DSLContext dsl) {
        this.dsl = dsl;
        PtAudit audit = new PtAudit(new AuditTrail(dsl));
        // each feature's repository stays package-private: its test wiring builds the entry point on this DSLContext
        schemes = SchemeTestWiring.schemes(dsl, audit);
        rounds = RoundTestWiring.rounds(dsl, schemes, audit, clock);
        enrolments = EnrolmentTestWiring.enrolments(dsl, rounds, schemes, audit, clock, new Random(42));
        results = ResultTestWiring.results(dsl, enrolments, rounds, audit, clock);
        items = ItemTestWiring.items(dsl, rounds, schemes, results, audit);
        scoring = ScoringTestWiring.scoring(dsl, rounds, schemes, results, audit, clock);
        regionId = dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq("350000")).fetchOptional(REGION.ID)
                .orElseGet(() -> dsl.insertInto(REGION).set(REGION.CODE, "350000").set(REGION.NAME_ZH, "福建省")
                        .set(REGION.NAME_EN, "Fujian").set(REGION.LEVEL, "PROVINCE")
                        .returningResult(REGION.ID).fetchSingle(REGION.ID));
    }

    public static String unique(String prefix) {
        return prefix + "-" + counter.incrementAndGet();
    }

    public long discipline(String code) {
        return dsl.select(DISCIPLINE.ID).from(DISCIPLINE).where(DISCIPLINE.CODE.eq(code)).fetchOptional(DISCIPLINE.ID)
                .orElseGet(() -> dsl.insertInto(DISCIPLINE).set(DISCIPLINE.CODE, code).set(DISCIPLINE.NAME_ZH, code)
                        .set(DISCIPLINE.NAME_EN, code).set(DISCIPLINE.SORT_ORDER, 1)
                        .returningResult(DISCIPLINE.ID).fetchSingle(DISCIPLINE.ID));
    }

    /** An accredited lab with the given scope; returns its code. */
    public String lab(String... scope) {
        String code = unique("LAB");
        long id = dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(ORGANIZATION.NAME_ZH, "实验室 " + code)
                .set(ORGANIZATION.NAME_EN, "Laboratory " + code).set(ORGANIZATION.KIND, "ACCREDITED_LAB")
                .set(ORGANIZATION.REGION_ID, regionId).set(ORGANIZATION.ACCREDITATION_NUMBER, "CNAS " + code)
                .returningResult(ORGANIZATION.ID).fetchSingle(ORGANIZATION.ID);
        for (String d : scope) {
            dsl.insertInto(ORGANIZATION_SCOPE).set(ORGANIZATION_SCOPE.ORGANIZATION_ID, id)
                    .set(ORGANIZATION_SCOPE.DISCIPLINE_ID, discipline(d)).execute();
        }
        return code;
    }

    public long organizationId(String code) {
        return dsl.select(ORGANIZATION.ID).from(ORGANIZATION).where(ORGANIZATION.CODE.eq(code)).fetchSingle(ORGANIZATION.ID);
    }

    public String provider() {
        String code = unique("INST");
        dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(ORGANIZATION.NAME_ZH, code)
                .set(ORGANIZATION.NAME_EN, code).set(ORGANIZATION.KIND, "INSTITUTE")
                .set(ORGANIZATION.REGION_ID, regionId).execute();
        return code;
    }

    public Scheme scheme(AssignedValueMethod assigned, SigmaPtMethod sigma, Double fixedSigma, SchemeScoreType score) {
        discipline("LENGTH");
        return schemes.create(new NewScheme(unique("S"), "量块长度", "Gauge block length", "LENGTH", "中心长度",
                "central length", "mm", provider(), assigned, sigma, fixedSigma, score), "officer");
    }

    /** A consensus scheme with sigma_pt fixed at 0.1 mm, classified by z. */
    public Scheme consensusScheme() {
        return scheme(AssignedValueMethod.ALGORITHM_A, SigmaPtMethod.FIXED, 0.1, SchemeScoreType.Z);
    }

    /** Enrolment in March, dispatch on 10 March, results due 31 March 12:00 UTC, report due 30 April. */
    public static RoundSchedule schedule() {
        return new RoundSchedule(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10),
                Instant.parse("2026-03-31T12:00:00Z"), LocalDate.of(2026, 4, 30));
    }

    public Round draftRound(Scheme scheme) {
        return rounds.schedule(new NewRound(scheme.id(), unique("R"), schedule(), null, null), "officer");
    }

    /** A round with the labs enrolled, items dispatched; the clock is before the deadline. */
    public Round dispatchedRound(Scheme scheme, String... labs) {
        Round round = draftRound(scheme);
        rounds.transition(round.id(), RoundStatus.OPEN, "officer");
        for (String lab : labs) {
            enrolments.enrol(round.id(), lab, "officer");
        }
        return rounds.transition(round.id(), RoundStatus.DISPATCHED, "officer");
    }

    public void submit(Round round, String lab, double value) {
        results.submit(round.id(), organizationId(lab), plain(value), lab.toLowerCase());
    }

    public static ResultSubmission plain(double value) {
        return new ResultSubmission(value, null, null, null, null, null);
    }

    /** Moves the clock past the deadline of {@link #schedule()} and closes the round. */
    public Round close(Round round) {
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        return rounds.transition(round.id(), RoundStatus.CLOSED, "officer");
    }

    /** A clock the test sets. */
    public static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
