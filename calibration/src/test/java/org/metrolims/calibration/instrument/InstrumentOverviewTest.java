package org.metrolims.calibration.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.db.jooq.Tables.APP_USER;
import static org.metrolims.db.jooq.Tables.CALIBRATION;
import static org.metrolims.db.jooq.Tables.CERTIFICATE;
import static org.metrolims.db.jooq.Tables.LAB_MESSAGE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_POINT;
import static org.metrolims.db.jooq.Tables.REMINDER_LOG;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.calibration.instrument.InstrumentOverview.HistoryEntry;
import org.metrolims.calibration.instrument.InstrumentOverview.PointResult;
import org.metrolims.calibration.record.CalibrationStatus;
import org.metrolims.calibration.record.Conformity;
import org.metrolims.calibration.record.InstrumentCondition;
import org.metrolims.calibration.schedule.ScheduleFixture;
import org.metrolims.calibration.standard.RegistryFixture;
import org.metrolims.calibration.standard.RegistryNotFoundException;
import org.metrolims.calibration.standard.RegistryUser;
import org.metrolims.db.TestDatabase;

/** The instrument page's data — history with the error at each point, certificates, recalls, due date, lookup. */
class InstrumentOverviewTest {

    static final LocalDate TODAY = RegistryFixture.TODAY;
    static RegistryFixture f;
    static Instruments instruments;
    static long technician, reviewer;
    static int serial;

    @BeforeAll
    static void schema() {
        f = new RegistryFixture(TestDatabase.newSchema(InstrumentOverviewTest.class).dsl());
        instruments = new Instruments(new InstrumentRepository(f.dsl), new InstrumentOverviewRepository(f.dsl),
                f.standards, ScheduleFixture.schedulesOf(f.dsl), f.audit);
        technician = user("ov-tech", "王工", f.fjim);
        reviewer = user("ov-reviewer", "李工", f.fjim);
    }

    @Test
    void readsTheWholeHistoryNewestFirstWithTheErrorAtEachPointAndItsUncertainty() {
        Instrument i = labBalance();
        long first = calibration(i.id(), LocalDate.of(2024, 3, 1), "APPROVED", "OUT_OF_TOLERANCE", "IN_TOLERANCE",
                new String[][] {{"1", "0.0004", "0.0002"}, {"10", "0.0021", "0.0005"}});
        long second = calibration(i.id(), LocalDate.of(2025, 3, 1), "APPROVED", "IN_TOLERANCE", "IN_TOLERANCE",
                new String[][] {{"1", "0.0001", "0.0002"}, {"10", "0.0009", "0.0005"}});
        certificate(first, "CERT-OV-" + first, f.lab);
        recall(i.id(), f.lab, "OVERDUE", LocalDate.of(2025, 3, 1));

        InstrumentOverview o = instruments.overview(i.id(), f.labUser, false, TODAY);

        assertThat(o.history()).extracting(HistoryEntry::calibrationId).containsExactly(second, first);
        HistoryEntry older = o.history().get(1);
        assertThat(older.asFound()).isEqualTo(InstrumentCondition.OUT_OF_TOLERANCE);
        assertThat(older.asLeft()).isEqualTo(InstrumentCondition.IN_TOLERANCE);
        assertThat(older.status()).isEqualTo(CalibrationStatus.APPROVED);
        assertThat(older.performer().zh()).isEqualTo("福建省计量科学研究院");
        assertThat(older.technician()).isEqualTo("王工");
        assertThat(older.points()).extracting(PointResult::nominal, PointResult::error, PointResult::expandedUncertainty)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("1.000000000000"),
                                new BigDecimal("0.000400000000"), new BigDecimal("0.000200000000")),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("10.000000000000"),
                                new BigDecimal("0.002100000000"), new BigDecimal("0.000500000000")));
        assertThat(older.points()).extracting(PointResult::conformity).containsOnly(Conformity.PASS);
        assertThat(o.certificates()).singleElement().satisfies(c -> {
            assertThat(c.calibrationId()).isEqualTo(first);
            assertThat(c.verificationCode()).isEqualTo("ABCD2345");
        });
        assertThat(o.recalls()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("OVERDUE");
            assertThat(m.dueOn()).isEqualTo(LocalDate.of(2025, 3, 1));
        });
        assertThat(o.owner().en()).isEqualTo("LAB-A");
        assertThat(o.type().en()).isEqualTo("Balance");
    }

    @Test
    void dueDateFollowsTheLastApprovedCalibrationAndIsOverdueAfterIt() {
        Instrument i = labBalance();
        calibration(i.id(), LocalDate.of(2024, 6, 1), "APPROVED", "IN_TOLERANCE", "IN_TOLERANCE",
                new String[][] {{"1", "0.0001", "0.0002"}});

        InstrumentOverview o = instruments.overview(i.id(), f.labUser, false, TODAY);

        assertThat(o.due().intervalMonths()).isEqualTo(12);
        assertThat(o.due().lastCalibratedOn()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(o.due().dueOn()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(o.overdue()).isTrue();
        assertThat(instruments.overview(i.id(), f.labUser, false, LocalDate.of(2025, 5, 31)).overdue()).isFalse();
    }

    @Test
    void aRetiredInstrumentIsNeverOverdue() {
        Instrument i = labBalance();
        LocalDate later = LocalDate.now().plusYears(5);
        assertThat(instruments.overview(i.id(), f.labUser, false, later).overdue()).isTrue();
        f.dsl.update(org.metrolims.db.jooq.Tables.INSTRUMENT).set(org.metrolims.db.jooq.Tables.INSTRUMENT.STATUS,
                "RETIRED").where(org.metrolims.db.jooq.Tables.INSTRUMENT.ID.eq(i.id())).execute();

        InstrumentOverview o = instruments.overview(i.id(), f.labUser, false, later);

        assertThat(o.due().neverCalibrated()).isTrue();
        assertThat(o.due().dueOn()).isBefore(later);
        assertThat(o.overdue()).isFalse();
    }

    @Test
    void anotherOrganizationsInstrumentIsNotFoundForALab() {
        Instrument i = instruments.register(InstrumentsTest.balance("XMIM", "OV-X-" + ++serial), f.xiamenTech);

        assertThatThrownBy(() -> instruments.overview(i.id(), f.labUser, false, TODAY))
                .isInstanceOf(RegistryNotFoundException.class);
    }

    @Test
    void aTechnicianOfAnotherInstituteSeesTheInstrumentButNotCalibrationsItNeitherPerformedNorOrdered() {
        Instrument i = labBalance();
        long c = calibration(i.id(), LocalDate.of(2025, 1, 10), "APPROVED", "IN_TOLERANCE", "IN_TOLERANCE",
                new String[][] {{"1", "0.0001", "0.0002"}});
        certificate(c, "CERT-OV-" + c, f.lab);
        recall(i.id(), f.lab, "DUE_SOON", LocalDate.of(2026, 1, 10));

        InstrumentOverview xiamen = instruments.overview(i.id(), f.xiamenTech, false, TODAY);
        InstrumentOverview officer = instruments.overview(i.id(), f.officer, true, TODAY);

        assertThat(xiamen.history()).isEmpty();
        assertThat(xiamen.certificates()).isEmpty();
        assertThat(xiamen.recalls()).isEmpty();
        assertThat(officer.history()).hasSize(1);
        assertThat(officer.certificates()).hasSize(1);
        assertThat(officer.recalls()).hasSize(1);
        assertThat(instruments.overview(i.id(), f.tech, false, TODAY).history()).hasSize(1); // FJIM performed it
    }

    @Test
    void lookupFindsBySerialOrAssetNumberInAnyCaseAndOnlyInTheUsersScope() {
        Instrument i = labBalance();
        Instrument other = instruments.register(InstrumentsTest.balance("XMIM", "OV-X-" + ++serial), f.xiamenTech);

        assertThat(instruments.lookup(i.serialNo().toLowerCase(), f.labUser).unique()).map(Instrument::id)
                .contains(i.id());
        assertThat(instruments.lookup(i.assetNo(), f.labUser).unique()).map(Instrument::id).contains(i.id());
        assertThat(instruments.lookup(other.serialNo(), f.labUser).total()).isZero();
        assertThat(instruments.lookup(other.serialNo(), f.officer).unique()).map(Instrument::id)
                .contains(other.id());
        InstrumentMatch partial = instruments.lookup("OV-", f.officer);
        assertThat(partial.exact()).isFalse();
        assertThat(partial.total()).isGreaterThan(1);
        assertThat(partial.unique()).isEmpty();
    }

    private Instrument labBalance() {
        return instruments.register(InstrumentsTest.balance("LAB-A", "OV-" + ++serial), labTech());
    }

    private static RegistryUser labTech() {
        return new RegistryUser("lab-tech", f.lab, false, true, false);
    }

    private static long user(String username, String name, long org) {
        return f.dsl.insertInto(APP_USER).set(APP_USER.USERNAME, username).set(APP_USER.PASSWORD_HASH, "{noop}x")
                .set(APP_USER.DISPLAY_NAME, name).set(APP_USER.ORGANIZATION_ID, org)
                .returningResult(APP_USER.ID).fetchSingle().value1();
    }

    /** An approved calibration by FJIM for the lab; each point {nominal, error, U} in g with a 0.005 g tolerance. */
    private static long calibration(long instrument, LocalDate on, String status, String asFound, String asLeft,
            String[][] points) {
        long id = f.dsl.insertInto(CALIBRATION).set(CALIBRATION.CALIBRATION_NO, "OV-" + instrument + "-" + on)
                .set(CALIBRATION.INSTRUMENT_ID, instrument).set(CALIBRATION.CUSTOMER_ORGANIZATION_ID, f.lab)
                .set(CALIBRATION.PERFORMING_ORGANIZATION_ID, f.fjim).set(CALIBRATION.PROCEDURE_CODE, "JJG 1036-2022")
                .set(CALIBRATION.CALIBRATED_ON, on).set(CALIBRATION.TECHNICIAN_ID, technician)
                .set(CALIBRATION.REVIEWER_ID, reviewer).set(CALIBRATION.APPROVED_AT, on.atTime(17, 0).toInstant(java.time.ZoneOffset.UTC))
                .set(CALIBRATION.STATUS, status).set(CALIBRATION.AS_FOUND, asFound).set(CALIBRATION.AS_LEFT, asLeft)
                .set(CALIBRATION.CONFORMITY, "PASS")
                .returningResult(CALIBRATION.ID).fetchSingle().value1();
        int seq = 1;
        for (String[] p : points) {
            f.dsl.insertInto(MEASUREMENT_POINT).set(MEASUREMENT_POINT.CALIBRATION_ID, id)
                    .set(MEASUREMENT_POINT.SEQ, seq++).set(MEASUREMENT_POINT.NOMINAL, new BigDecimal(p[0]))
                    .set(MEASUREMENT_POINT.UNIT, "g").set(MEASUREMENT_POINT.ERROR, new BigDecimal(p[1]))
                    .set(MEASUREMENT_POINT.MEAN_READING, new BigDecimal(p[0]).add(new BigDecimal(p[1])))
                    .set(MEASUREMENT_POINT.EXPANDED_UNCERTAINTY, new BigDecimal(p[2]))
                    .set(MEASUREMENT_POINT.COVERAGE_FACTOR, new BigDecimal("2"))
                    .set(MEASUREMENT_POINT.TOLERANCE, new BigDecimal("0.005"))
                    .set(MEASUREMENT_POINT.TOLERANCE_UNIT, "g").set(MEASUREMENT_POINT.DECISION_RULE, "SIMPLE_ACCEPTANCE")
                    .set(MEASUREMENT_POINT.CONFORMITY, "PASS").execute();
        }
        return id;
    }

    private static void certificate(long calibration, String number, long customer) {
        f.dsl.insertInto(CERTIFICATE).set(CERTIFICATE.CERTIFICATE_NO, number).set(CERTIFICATE.REVISION, 1)
                .set(CERTIFICATE.STATUS, "VALID").set(CERTIFICATE.CALIBRATION_ID, calibration)
                .set(CERTIFICATE.ISSUER_ORGANIZATION_ID, f.fjim).set(CERTIFICATE.CUSTOMER_ORGANIZATION_ID, customer)
                .set(CERTIFICATE.SUBJECT, "balance").set(CERTIFICATE.ISSUED_AT, LocalDateTime.of(2025, 3, 2, 9, 0).toInstant(java.time.ZoneOffset.UTC))
                .set(CERTIFICATE.ISSUED_BY, reviewer).set(CERTIFICATE.SIGNATURE_MEANING, "ISSUED")
                .set(CERTIFICATE.PDF, new byte[] {1}).set(CERTIFICATE.SHA256, "0".repeat(64))
                .set(CERTIFICATE.VERIFICATION_CODE, "ABCD2345").execute();
    }

    private static void recall(long instrument, long org, String kind, LocalDate due) {
        long reminder = f.dsl.insertInto(REMINDER_LOG).set(REMINDER_LOG.ITEM_TYPE, "INSTRUMENT")
                .set(REMINDER_LOG.ITEM_ID, instrument).set(REMINDER_LOG.KIND, kind).set(REMINDER_LOG.DUE_ON, due)
                .set(REMINDER_LOG.ORGANIZATION_ID, org).set(REMINDER_LOG.RECIPIENTS, "lab@example.org")
                .returningResult(REMINDER_LOG.ID).fetchSingle().value1();
        f.dsl.insertInto(LAB_MESSAGE).set(LAB_MESSAGE.ORGANIZATION_ID, org).set(LAB_MESSAGE.REMINDER_ID, reminder)
                .set(LAB_MESSAGE.KIND, kind).set(LAB_MESSAGE.SUBJECT, "Calibration due").set(LAB_MESSAGE.BODY, "…")
                .execute();
    }

}
