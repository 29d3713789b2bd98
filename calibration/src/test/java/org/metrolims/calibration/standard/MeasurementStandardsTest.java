package org.metrolims.calibration.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.metrolims.calibration.standard.RegistryFixture.TODAY;
import static org.metrolims.calibration.standard.RegistryFixture.certificate;
import static org.metrolims.calibration.standard.RegistryFixture.weights;
import static org.metrolims.db.jooq.Tables.AUDIT_EVENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT;
import static org.metrolims.db.jooq.Tables.INSTRUMENT_TYPE;
import static org.metrolims.db.jooq.Tables.MEASUREMENT_STANDARD;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metrolims.db.PageRequest;
import org.metrolims.db.TestDatabase;
import org.metrolims.db.failure.Forbidden;
import org.metrolims.db.reference.RegionCode;

/** The rules of the standards register, against a real MariaDB schema. */
class MeasurementStandardsTest {

    static RegistryFixture f;
    static MeasurementStandards standards;
    static final AtomicInteger serial = new AtomicInteger();

    @BeforeAll
    static void schema() {
        f = new RegistryFixture(TestDatabase.newSchema(MeasurementStandardsTest.class).dsl());
        standards = f.standards;
    }

    static String code() {
        return "STD-" + serial.incrementAndGet();
    }

    MeasurementStandard registered() {
        String code = code();
        return standards.register(weights(code), certificate("CERT-" + code, LocalDate.of(2023, 1, 10)), f.tech);
    }

    @Test
    void registersAStandardActiveFromItsEstablishmentDateWithItsCertificate() {
        MeasurementStandard s = registered();

        assertThat(s.status()).isEqualTo(StandardStatus.ACTIVE);
        assertThat(s.owner()).isEqualTo("FJIM");
        assertThat(s.region()).isEqualTo("350100");
        assertThat(s.rangeLow()).isEqualByComparingTo("0.000001");
        assertThat(s.rangeHigh().toPlainString()).isEqualTo("20");
        assertThat(s.certificate().expiresOn()).isEqualTo(LocalDate.of(2027, 1, 9));
        StandardHistory h = standards.history(s.id(), f.tech);
        assertThat(h.statuses()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(StandardStatus.ACTIVE);
            assertThat(c.effectiveFrom()).isEqualTo(LocalDate.of(2020, 5, 1));
        });
        assertThat(h.audit()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("REGISTER");
            assertThat(a.actor()).isEqualTo("tech");
            assertThat(a.before()).isNull();
            assertThat(a.after()).contains("\"code\":\"" + s.code() + "\"").contains("E2等级砝码标准装置");
        });
    }

    @Test
    void rejectsEveryBadFieldAtOnceAndStoresNothing() {
        int before = f.dsl.fetchCount(MEASUREMENT_STANDARD);
        var bad = new StandardDetails("X".repeat(49), "名", "name", "NO-SUCH", "MASS", StandardLevel.CITY_PUBLIC,
                "FJIM", "999999", new BigDecimal("5"), new BigDecimal("1"), "kg", new BigDecimal("-0.1"),
                new BigDecimal("2"), null, LocalDate.of(2020, 1, 1));

        assertThatThrownBy(() -> standards.register(bad, null, f.tech))
                .isInstanceOfSatisfying(RegistryInputException.class, e -> assertThat(e.errors())
                        .extracting(RegistryInputException.FieldError::field)
                        .contains("code", "discipline", "region", "rangeLow", "expandedUncertainty"));
        assertThat(f.dsl.fetchCount(MEASUREMENT_STANDARD)).isEqualTo(before);
    }

    @Test
    void rejectsAQuantityOfAnotherDiscipline() {
        var d = weights(code());
        var wrong = new StandardDetails(d.code(), d.nameZh(), d.nameEn(), "THERMAL", "MASS", d.level(), d.owner(),
                d.region(), d.rangeLow(), d.rangeHigh(), d.unit(), null, null, "E2", d.establishedOn());

        assertThatThrownBy(() -> standards.register(wrong, null, f.tech))
                .isInstanceOfSatisfying(RegistryInputException.class, e -> assertThat(e.errors())
                        .extracting(RegistryInputException.FieldError::field).containsExactly("quantity"));
    }

    @Test
    void refusesADuplicateCode() {
        MeasurementStandard s = registered();

        assertThatThrownBy(() -> standards.register(weights(s.code()), null, f.tech))
                .isInstanceOfSatisfying(RegistryInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("code"));
    }

    @Test
    void anUpdateIsAuditedWithTheRecordBeforeAndAfterAndTheReason() {
        MeasurementStandard s = registered();
        var d = s.details();
        var renamed = new StandardDetails(d.code(), "E1等级砝码标准装置", d.nameEn(), d.discipline(), d.quantity(),
                d.level(), d.owner(), d.region(), d.rangeLow(), d.rangeHigh(), d.unit(), d.expandedUncertainty(),
                d.coverageFactor(), "E1", d.establishedOn());

        MeasurementStandard after = standards.update(s.id(), s.version(), renamed, "upgraded to E1", f.tech);

        assertThat(after.accuracyClass()).isEqualTo("E1");
        assertThat(after.version()).isEqualTo(s.version() + 1);
        var line = standards.history(s.id(), f.tech).audit().getLast();
        assertThat(line.action()).isEqualTo("UPDATE");
        assertThat(line.reason()).isEqualTo("upgraded to E1");
        assertThat(line.before()).contains("\"accuracyClass\":\"E2\"");
        assertThat(line.after()).contains("\"accuracyClass\":\"E1\"");
    }

    @Test
    void aStaleUpdateIsAConflictAndChangesNothing() {
        MeasurementStandard s = registered();
        standards.update(s.id(), s.version(), s.details(), null, f.tech);

        assertThatThrownBy(() -> standards.update(s.id(), s.version(), weights(s.code()), null, f.admin))
                .isInstanceOfSatisfying(RegistryConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(RegistryConflictException.STALE_VERSION));
        assertThat(standards.find(s.id(), f.tech).version()).isEqualTo(s.version() + 1);
    }

    @Test
    void suspendingWritesAStatusHistoryRowWithItsDateAndReason() {
        MeasurementStandard s = registered();

        standards.changeStatus(s.id(), s.version(), StandardStatus.SUSPENDED, LocalDate.of(2026, 2, 1),
                "balance out of service", f.tech);

        StandardHistory h = standards.history(s.id(), f.tech);
        assertThat(h.standard().status()).isEqualTo(StandardStatus.SUSPENDED);
        assertThat(h.statuses()).extracting(StandardHistory.StatusChange::status)
                .containsExactly(StandardStatus.ACTIVE, StandardStatus.SUSPENDED);
        assertThat(h.statuses().getLast().reason()).isEqualTo("balance out of service");
        assertThat(h.statuses().getLast().effectiveFrom()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(h.audit().getLast().action()).isEqualTo("STATUS_SUSPENDED");
    }

    @Test
    void aStatusChangeNeedsAReasonAndADateNeitherBeforeTheLastChangeNorInTheFuture() {
        MeasurementStandard s = registered();

        assertThatThrownBy(() -> standards.changeStatus(s.id(), null, StandardStatus.SUSPENDED,
                LocalDate.of(2019, 1, 1), " ", f.tech))
                .isInstanceOfSatisfying(RegistryInputException.class, e -> assertThat(e.errors())
                        .extracting(RegistryInputException.FieldError::field)
                        .containsExactlyInAnyOrder("reason", "effectiveFrom"));
        assertThatThrownBy(() -> standards.changeStatus(s.id(), null, StandardStatus.SUSPENDED, TODAY.plusDays(1),
                "later", f.tech))
                .isInstanceOfSatisfying(RegistryInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("effectiveFrom"));
        assertThat(standards.history(s.id(), f.tech).statuses()).hasSize(1);
    }

    @Test
    void aRetiredStandardStaysReadableButTakesNoFurtherChanges() {
        MeasurementStandard s = registered();
        standards.changeStatus(s.id(), null, StandardStatus.RETIRED, TODAY, "replaced", f.tech);

        assertThatThrownBy(() -> standards.changeStatus(s.id(), null, StandardStatus.ACTIVE, TODAY, null, f.tech))
                .isInstanceOfSatisfying(RegistryConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("RETIRED"));
        assertThat(standards.find(s.id(), f.officer).status()).isEqualTo(StandardStatus.RETIRED);
    }

    @Test
    void aRenewalAddsACertificateThatBecomesTheCurrentOne() {
        MeasurementStandard s = registered();

        MeasurementStandard renewed = standards.addCertificate(s.id(), null,
                certificate("RENEW-" + s.code(), LocalDate.of(2027, 1, 10)), f.tech);

        assertThat(renewed.certificate().certificateNo()).isEqualTo("RENEW-" + s.code());
        assertThat(standards.history(s.id(), f.tech).certificates()).hasSize(2);
    }

    @Test
    void aCertificateExpiringBeforeItIsIssuedIsRejected() {
        MeasurementStandard s = registered();
        var backwards = new CertificateDetails("BACK-" + s.code(), LocalDate.of(2026, 1, 1),
                LocalDate.of(2025, 1, 1), "issuer");

        assertThatThrownBy(() -> standards.addCertificate(s.id(), null, backwards, f.tech))
                .isInstanceOfSatisfying(RegistryInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("expiresOn"));
        assertThat(standards.history(s.id(), f.tech).certificates()).hasSize(1);
    }

    @Test
    void onlyTheOwnersTechniciansAndAdministratorsMayChangeAStandardAndToOtherOrganizationsItIsNotFound() {
        MeasurementStandard s = registered();

        // another organization's technician reads every standard, but one it may not change is "not found" to it
        assertThatThrownBy(() -> standards.update(s.id(), s.version(), s.details(), null, f.xiamenTech))
                .isInstanceOf(RegistryNotFoundException.class);
        assertThatThrownBy(() -> standards.changeStatus(s.id(), null, StandardStatus.SUSPENDED, s.establishedOn(),
                "audit", f.xiamenTech)).isInstanceOf(RegistryNotFoundException.class);
        assertThatThrownBy(() -> standards.update(s.id(), s.version(), s.details(), null, f.officer))
                .isInstanceOf(Forbidden.class);
        assertThat(standards.update(s.id(), s.version(), s.details(), null, f.admin).version())
                .isEqualTo(s.version() + 1);
    }

    @Test
    void aLabSeesOnlyItsOwnOrganizationsStandardsAndOthersAreNotFound() {
        MeasurementStandard s = registered();

        assertThatThrownBy(() -> standards.find(s.id(), f.labUser)).isInstanceOf(RegistryNotFoundException.class);
        assertThat(standards.search(StandardFilter.none(), new PageRequest(0, 50), f.labUser).items()).isEmpty();
    }

    @Test
    void searchFiltersByRegionSubtreeDisciplineLevelStatusExpiryAndText() {
        String tag = "FILTER" + serial.incrementAndGet();
        var fuzhou = standards.register(named(tag + "-A", "350102", "MECHANICS", "MASS", StandardLevel.COUNTY_PUBLIC),
                certificate(tag + "-C1", LocalDate.of(2022, 5, 1)), f.admin); // expires 2026-04-30
        var xiamen = standards.register(named(tag + "-B", "350200", "THERMAL", "TEMPERATURE",
                StandardLevel.CITY_PUBLIC), certificate(tag + "-C2", LocalDate.of(2025, 1, 1)), f.admin);
        standards.changeStatus(xiamen.id(), null, StandardStatus.SUSPENDED, TODAY, "repair", f.admin);
        PageRequest page = new PageRequest(0, 50);

        assertThat(codes(new StandardFilter(new RegionCode("350100"), null, null, null, null, tag, null), page))
                .containsExactly(fuzhou.code());
        assertThat(codes(new StandardFilter(null, "THERMAL", null, null, null, tag, null), page))
                .containsExactly(xiamen.code());
        assertThat(codes(new StandardFilter(null, null, StandardLevel.COUNTY_PUBLIC, null, null, tag, null), page))
                .containsExactly(fuzhou.code());
        assertThat(codes(new StandardFilter(null, null, null, StandardStatus.SUSPENDED, null, tag, null), page))
                .containsExactly(xiamen.code());
        assertThat(codes(new StandardFilter(null, null, null, null, 60, tag, null), page))
                .containsExactly(fuzhou.code());
        assertThat(codes(new StandardFilter(null, null, null, null, 30, tag, null), page)).isEmpty();
        assertThat(codes(new StandardFilter(null, null, null, null, null, tag.toLowerCase(),
                StandardSort.CERTIFICATE_EXPIRY), page)).containsExactly(fuzhou.code(), xiamen.code());
    }

    @Test
    void pagesAreSortedAndCounted() {
        String tag = "PAGE" + serial.incrementAndGet();
        for (String suffix : new String[] {"-C", "-A", "-B"}) {
            standards.register(named(tag + suffix, "350100", "MECHANICS", "MASS", StandardLevel.ENTERPRISE), null,
                    f.tech);
        }
        var filter = new StandardFilter(null, null, null, null, null, tag, null);

        var second = standards.search(filter, new PageRequest(1, 2), f.tech);

        assertThat(second.totalItems()).isEqualTo(3);
        assertThat(second.items()).extracting(MeasurementStandard::code).containsExactly(tag + "-C");
    }

    @Test
    void linksAndUnlinksAnInstrumentAsEquipmentWithAuditLines() {
        MeasurementStandard s = registered();
        long instrument = instrument(f.fjim, "EQ-" + s.code());

        StandardHistory linked = standards.linkEquipment(s.id(), instrument, "set up", f.tech);
        assertThat(linked.equipment()).extracting(StandardHistory.Equipment::instrumentId).containsExactly(instrument);

        assertThatThrownBy(() -> standards.linkEquipment(s.id(), instrument, null, f.tech))
                .isInstanceOf(RegistryConflictException.class);

        StandardHistory unlinked = standards.unlinkEquipment(s.id(), instrument, "sent away", f.tech);
        assertThat(unlinked.equipment()).isEmpty();
        assertThat(unlinked.audit()).extracting(StandardHistory.AuditLine::action)
                .endsWith("LINK_EQUIPMENT", "UNLINK_EQUIPMENT");
        assertThat(unlinked.audit().getLast().before()).contains(Long.toString(instrument));
    }

    @Test
    void anInstrumentOfAnotherOrganizationCannotBecomeEquipment() {
        MeasurementStandard s = registered();
        long foreign = instrument(f.xmim, "XM-" + s.code());

        assertThatThrownBy(() -> standards.linkEquipment(s.id(), foreign, null, f.admin))
                .isInstanceOfSatisfying(RegistryInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("instrumentId"));
    }

    @Test
    void theAuditTrailIsWrittenAsValidJson() {
        registered();
        assertThat(f.dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.AFTER_STATE.isNotNull())).isPositive();
    }

    private java.util.List<String> codes(StandardFilter filter, PageRequest page) {
        return standards.search(filter, page, f.officer).items().stream().map(MeasurementStandard::code).toList();
    }

    private static StandardDetails named(String code, String region, String discipline, String quantity,
            StandardLevel level) {
        return new StandardDetails(code, "标准" + code, "Standard " + code, discipline, quantity, level, "FJIM", region,
                null, null, "kg", new BigDecimal("0.5"), new BigDecimal("2"), null, LocalDate.of(2021, 1, 1));
    }

    private static long instrument(long owner, String serialNo) {
        long type = f.dsl.select(INSTRUMENT_TYPE.ID).from(INSTRUMENT_TYPE).where(INSTRUMENT_TYPE.CODE.eq("BALANCE"))
                .fetchSingle(INSTRUMENT_TYPE.ID);
        return f.dsl.insertInto(INSTRUMENT).set(INSTRUMENT.OWNER_ORGANIZATION_ID, owner)
                .set(INSTRUMENT.INSTRUMENT_TYPE_ID, type).set(INSTRUMENT.MANUFACTURER, "Mettler Toledo")
                .set(INSTRUMENT.MODEL, "XPR10").set(INSTRUMENT.SERIAL_NO, serialNo).set(INSTRUMENT.UNIT, "g")
                .returningResult(INSTRUMENT.ID).fetchSingle(INSTRUMENT.ID);
    }
}
