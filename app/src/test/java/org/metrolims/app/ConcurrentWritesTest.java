package org.metrolims.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CALIBRATION_SCHEDULE;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.DISCIPLINE;
import static org.metrolims.db.jooq.Tables.ORGANIZATION;
import static org.metrolims.db.jooq.Tables.ORGANIZATION_SCOPE;
import static org.metrolims.db.jooq.Tables.PT_ENROLMENT;
import static org.metrolims.db.jooq.Tables.PT_RESULT;
import static org.metrolims.db.jooq.Tables.REGION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.metrolims.app.calibration.CalibrationApiFixture;
import org.metrolims.app.proficiency.PtApiFixture;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.record.Actor;
import org.metrolims.calibration.record.CalibrationDraft;
import org.metrolims.calibration.record.CalibrationRecords;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.InstrumentCondition;
import org.metrolims.calibration.record.PointInput;
import org.metrolims.calibration.schedule.CalibrationSchedules;
import org.metrolims.calibration.schedule.DueFilter;
import org.metrolims.db.PageRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Simultaneous writes on the real database, from real threads released together: the loser of a race is told so
 * (409) or queued behind the winner, never a 500.
 */
@AppTest
class ConcurrentWritesTest {

    static final RequestPostProcessor TECH = httpBasic("test-tech", TestAccounts.PASSWORD);
    static final RequestPostProcessor OFFICER = httpBasic("test-officer", TestAccounts.PASSWORD);
    static final RequestPostProcessor LAB_A = httpBasic("test-lab-a", TestAccounts.PASSWORD);

    @Autowired MockMvc mvc;
    @Autowired DSLContext dsl;
    @Autowired PasswordEncoder encoder;
    @Autowired CalibrationRecords records;
    @Autowired CalibrationSchedules schedules;

    @Test
    void twoSimultaneousIssuesOfOneCalibrationGiveOneCertificateAndOneConflict() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            long calibration = approvedCalibration();
            String body = "{\"calibrationId\":%d,\"password\":\"%s\"}".formatted(calibration, TestAccounts.PASSWORD);
            List<Integer> statuses = race(2, () -> post("/api/certificates").with(TECH)
                    .contentType(MediaType.APPLICATION_JSON).content(body));
            assertThat(statuses).as("attempt %d", attempt).containsExactlyInAnyOrder(201, 409);
            assertThat(dsl.fetchCount(CERTIFICATE, CERTIFICATE.CALIBRATION_ID.eq(calibration)))
                    .isEqualTo(1);
        }
    }

    @Test
    void simultaneousApplicationsOfOneLabGiveOneEnrolmentAndConflicts() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        for (int attempt = 0; attempt < 3; attempt++) {
            long round = pt.round(pt.referenceScheme("PT-TEST"), PtApiFixture.FUTURE);
            pt.move(round, "OPEN");
            List<Integer> statuses = race(4, () -> post("/api/pt/rounds/{id}/enrolments", round).with(LAB_A));
            assertThat(statuses).as("attempt %d", attempt).containsExactlyInAnyOrder(201, 409, 409, 409);
            assertThat(dsl.fetchCount(PT_ENROLMENT, PT_ENROLMENT.ROUND_ID.eq(round))).isEqualTo(1);
        }
    }

    @Test
    void simultaneousSubmissionsOfOneLabBecomeSuccessiveRevisions() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        PtApiFixture.Dispatched r = pt.dispatched(PtApiFixture.FUTURE);
        List<Integer> statuses = race(6, () -> post("/api/pt/rounds/{id}/results", r.round()).with(LAB_A)
                .contentType(MediaType.APPLICATION_JSON).content("{\"value\":10.01,\"standardUncertainty\":0.004}"));
        assertThat(statuses).containsOnly(201).hasSize(6);
        assertThat(dsl.select(PT_RESULT.REVISION).from(PT_RESULT).join(PT_ENROLMENT)
                .on(PT_ENROLMENT.ID.eq(PT_RESULT.ENROLMENT_ID))
                .where(PT_ENROLMENT.ROUND_ID.eq(r.round()), PT_ENROLMENT.LAB_CODE.eq(r.codeA()))
                .orderBy(PT_RESULT.REVISION).fetch(PT_RESULT.REVISION)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    /** 24 labs enrolled at once draw from 99 codes: a collision is all but certain, and is drawn again. */
    @Test
    void simultaneousEnrolmentsOfManyLabsAllGetInUnderDistinctCodes() throws Exception {
        PtApiFixture pt = new PtApiFixture(mvc, dsl, encoder);
        List<String> labs = manyLabs(24);
        for (int attempt = 0; attempt < 3; attempt++) {
            long round = pt.round(pt.referenceScheme("PT-TEST"), PtApiFixture.FUTURE);
            pt.move(round, "OPEN");
            List<Callable<MockHttpServletRequestBuilder>> enrolments = labs.stream()
                    .<Callable<MockHttpServletRequestBuilder>>map(lab -> () -> post("/api/pt/rounds/{id}/enrolments",
                            round).with(OFFICER).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"organizationCode\":\"" + lab + "\"}"))
                    .toList();
            assertThat(race(enrolments)).as("attempt %d", attempt).containsOnly(201).hasSize(labs.size());
            assertThat(dsl.fetchCount(dsl.selectDistinct(PT_ENROLMENT.LAB_CODE).from(PT_ENROLMENT)
                    .where(PT_ENROLMENT.ROUND_ID.eq(round)))).isEqualTo(labs.size());
        }
    }

    /**
     * The load bench's deadlock: a due list refreshes the schedule rows the triggers marked stale (it takes the
     * instrument's mark, then reads its calibrations) while a draft, submission or approval of the same instrument
     * writes its calibration row (then marks the instrument, in the trigger). The two took the same two locks in
     * opposite order, and MariaDB rolled one back (1213). Technicians write and approve records of one instrument
     * while due lists are read, as fast as they can: every write and every read goes through.
     */
    @Test
    void writesOfOneInstrumentAndDueListsAtTheSameTimeNeverDeadlock() throws Exception {
        CalibrationApiFixture fixture = new CalibrationApiFixture(dsl, encoder, "RACE", 962);
        Actor tech = actor("test-tech", fixture.institute);
        Actor tech2 = actor("test-tech-2", fixture.institute);
        var draft = new CalibrationDraft(fixture.instrument, null, "JJG 30-2012", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 3), LocalDate.of(2027, 3, 2), List.of(fixture.standard), 20.1, 45.0,
                InstrumentCondition.IN_TOLERANCE, InstrumentCondition.IN_TOLERANCE, DecisionRuleCode.SIMPLE_ACCEPTANCE,
                null, null, List.of(new PointInput(10.0, "mm", List.of(10.0002, 10.0004, 10.0003), 1.0, "µm",
                        List.of(ComponentInput.expanded("reference", 0.0002, 2)))));
        DueFilter everything = DueFilter.province(LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(() -> {
                int n = 0;
                while (System.nanoTime() < until) {
                    var c = records.draft(tech, draft);
                    c = records.submit(tech, c.id(), c.version());
                    records.approve(tech2, c.id(), c.version());
                    n++;
                }
                return n;
            });
        }
        for (int r = 0; r < 4; r++) {
            workers.add(() -> {
                int n = 0;
                while (System.nanoTime() < until) {
                    schedules.due(everything, new PageRequest(0, 5));
                    n++;
                }
                return n;
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(workers.size());
        try {
            List<Future<Integer>> done = threads.invokeAll(workers);
            int writes = 0;
            for (int i = 0; i < done.size(); i++) {
                int n;
                try {
                    n = done.get(i).get(); // a deadlock's loser throws here
                } catch (ExecutionException e) {
                    // what InnoDB says of it, to read in the test's output
                    System.err.println(dsl.fetch("SHOW ENGINE INNODB STATUS").getValue(0, "Status"));
                    throw e;
                }
                writes += i < 4 ? n : 0;
            }
            assertThat(writes).as("records written, submitted and approved").isPositive();
        } finally {
            threads.shutdownNow();
        }
        schedules.refreshStale();
        Long latest = dsl.select(DSL.max(CALIBRATION.ID)).from(CALIBRATION)
                .where(CALIBRATION.INSTRUMENT_ID.eq(fixture.instrument), CALIBRATION.STATUS.eq("APPROVED"))
                .fetchSingle().value1();
        assertThat(dsl.select(CALIBRATION_SCHEDULE.LAST_CALIBRATION_ID).from(CALIBRATION_SCHEDULE)
                .where(CALIBRATION_SCHEDULE.INSTRUMENT_ID.eq(fixture.instrument)).fetchSingle().value1())
                .as("no mark was lost: the schedule names the latest approved calibration").isEqualTo(latest);
    }

    // ---- helpers

    private List<Integer> race(int n, Callable<MockHttpServletRequestBuilder> request) throws Exception {
        List<Callable<MockHttpServletRequestBuilder>> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(request);
        }
        return race(requests);
    }

    /** Sends the requests from one thread each, released together; their statuses. */
    private List<Integer> race(List<Callable<MockHttpServletRequestBuilder>> requests) throws Exception {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Callable<MockHttpServletRequestBuilder> request : requests) {
                statuses.add(threads.submit(() -> {
                    MockHttpServletRequestBuilder built = request.call();
                    ready.countDown();
                    go.await();
                    return mvc.perform(built).andReturn().getResponse().getStatus();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> result = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                result.add(f.get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }

    private long approvedCalibration() {
        CalibrationApiFixture fixture = new CalibrationApiFixture(dsl, encoder, "RACE", 962);
        Actor tech = actor("test-tech", fixture.institute);
        Actor tech2 = actor("test-tech-2", fixture.institute);
        var draft = new CalibrationDraft(fixture.instrument, null, "JJG 30-2012", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 3), LocalDate.of(2027, 3, 2), List.of(fixture.standard), 20.1, 45.0,
                InstrumentCondition.IN_TOLERANCE, InstrumentCondition.IN_TOLERANCE, DecisionRuleCode.SIMPLE_ACCEPTANCE,
                null, null, List.of(new PointInput(10.0, "mm", List.of(10.0002, 10.0004, 10.0003), 1.0, "µm",
                        List.of(ComponentInput.expanded("reference", 0.0002, 2)))));
        var c = records.draft(tech, draft);
        c = records.submit(tech, c.id(), c.version());
        return records.approve(tech2, c.id(), c.version()).id();
    }

    private Actor actor(String username, long organization) {
        long id = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(username)).fetchSingle().value1();
        return new Actor(id, username, organization, "T-INST", true, false);
    }

    /** Accredited labs RACE-LAB-1… in the PT-TEST scope (created once per schema); their codes. */
    private List<String> manyLabs(int n) {
        new PtApiFixture(mvc, dsl, encoder);
        List<String> codes = new ArrayList<>();
        synchronized (ConcurrentWritesTest.class) {
            long region = dsl.select(REGION.ID).from(REGION).where(REGION.CODE.eq("350000")).fetchSingle().value1();
            long discipline = dsl.select(DISCIPLINE.ID).from(DISCIPLINE).where(DISCIPLINE.CODE.eq("PT-TEST"))
                    .fetchSingle().value1();
            for (int i = 1; i <= n; i++) {
                String code = "RACE-LAB-" + i;
                codes.add(code);
                if (!dsl.fetchExists(ORGANIZATION, ORGANIZATION.CODE.eq(code))) {
                    long org = dsl.insertInto(ORGANIZATION).set(ORGANIZATION.CODE, code).set(ORGANIZATION.NAME_ZH, code)
                            .set(ORGANIZATION.NAME_EN, code).set(ORGANIZATION.KIND, "ACCREDITED_LAB")
                            .set(ORGANIZATION.REGION_ID, region).set(ORGANIZATION.ACCREDITATION_NUMBER, "CNAS R" + i)
                            .returningResult(ORGANIZATION.ID).fetchSingle().value1();
                    dsl.insertInto(ORGANIZATION_SCOPE).set(ORGANIZATION_SCOPE.ORGANIZATION_ID, org)
                            .set(ORGANIZATION_SCOPE.DISCIPLINE_ID, discipline).execute();
                }
            }
        }
        return codes;
    }
}
